//! Blocks of reordered rounds in the MES interval certificate (see the
//! parent module's argument): every order in which a block's projects may
//! take the next rounds is followed from the bounds of now, and each
//! class's bounds afterwards joined so that they hold in all of them.

use super::{Class, Contender, Env, Fails, IntervalCheck, Line, NONE, RivalBound, above};

/// The most consecutive rounds checked in every order together.
pub(super) const MAX_BLOCK: usize = 4;

/// Classes of every group, and the classes added since some point.
type Joined = (Vec<u32>, Vec<Class>);

/// What a block's orders start from, to go back to between them.
struct Snapshot {
    classes: usize,
    group_class: Vec<u32>,
    gone: Vec<bool>,
    dirty: Vec<bool>,
    bounds: Vec<Option<RivalBound>>,
    rounds: usize,
    node: u32,
}

/// Funding events that classes depend on: a project (its local index) or,
/// with this bit, a block of projects joined (their local indices, sorted,
/// in [`BLOCK_FIELD`] bits each).
const BLOCK: u64 = 1 << 63;
const BLOCK_FIELD: u32 = 15;
const _: () = assert!(
    MAX_BLOCK as u32 * BLOCK_FIELD < 63,
    "a block's event names all its projects"
);

impl Class {
    /// Bounds on a class's budget that hold in either of two orders of a
    /// block, `a` or `b`: from below, the chord of `min(a, b)` (concave);
    /// from above, the tightest of the chords of the maxima of a line of
    /// each (a maximum of lines is convex, so below its chord).
    fn joined(a: &Class, b: &Class) -> Class {
        let upper = if a.upper == Env::ZERO && b.upper == Env::ZERO {
            Env::ZERO
        } else {
            let chords = a.upper.lines().into_iter().flat_map(|x| {
                b.upper.lines().into_iter().map(move |y| Line {
                    start: x.start.max(y.start),
                    end: x.end.max(y.end),
                })
            });
            Env::tightest(chords)
        };
        let low = Line {
            start: a.lower.start().min(b.lower.start()),
            end: a.lower.end().min(b.lower.end()),
        };
        let lower = if upper == Env::ZERO || (low.start <= 0.0 && low.end <= 0.0) {
            Env::ZERO
        } else {
            Env::line(low)
        };
        Class { lower, upper }
    }
}

impl IntervalCheck<'_> {
    /// Checks that the projects of `block` take the next rounds, in some
    /// order, at every budget, and funds them: each order that may happen
    /// is followed from the bounds of now, and each class's bounds
    /// afterwards cover what it holds in all of them.
    pub(super) fn any_order(&mut self, block: &[usize]) -> Result<(), Fails> {
        if block.iter().any(|&x| self.funded[x] || self.gone[x]) {
            return Err(Fails::AT_START);
        }
        let before = self.snapshot();
        let mut left = block.to_vec();
        let mut joined = None;
        let followed = self.orders(&mut left, before.classes, &mut joined);
        // Bounds on rivals made inside one order may be too low for another.
        self.restore(&before);
        let (group_class, added) = match followed {
            Ok(()) => joined.expect("an order followed to its end"),
            Err(fails) => return Err(fails),
        };
        // The block's classes numbered by their first group, so that they
        // depend on the projects funded alone, not on the orders followed
        // (the cache of supporters by class relies on it).
        let base = before.classes;
        let mut renumbered = vec![NONE; added.len()];
        for (g, k) in group_class.into_iter().enumerate() {
            let k = k as usize;
            if k < base {
                continue;
            }
            if renumbered[k - base] == NONE {
                renumbered[k - base] = self.classes.len() as u32;
                self.push_class(added[k - base]);
                self.scratch.push(0);
                self.moves.push(NONE);
            }
            self.group_class[g] = renumbered[k - base];
        }
        let mut members = block.to_vec();
        members.sort_unstable();
        if members.iter().all(|&x| x < 1 << BLOCK_FIELD) {
            self.step(BLOCK | members.iter().fold(0, |event, &x| event << BLOCK_FIELD | x as u64));
        } else {
            // Too many projects to name the block: a node of its own.
            self.node = self.fresh_node();
        }
        for &x in block {
            self.funded[x] = true;
            self.rounds += 1;
            for &r in &self.data.neighbours[x] {
                self.dirty[r as usize] = true;
            }
        }
        Ok(())
    }

    /// Follows every order in which the projects `left` may take the next
    /// rounds from the bounds of now, joining the classes each order ends
    /// with into `joined` (classes from `base` on are the block's).
    fn orders(&mut self, left: &mut Vec<usize>, base: usize, joined: &mut Option<Joined>) -> Result<(), Fails> {
        if left.is_empty() {
            self.join(base, joined);
            return Ok(());
        }
        let mut contenders = Vec::with_capacity(left.len());
        for &x in left.iter() {
            if let Some(c) = self.contender(x)? {
                contenders.push(c);
            }
        }
        if contenders.is_empty() {
            return Err(Fails::AT_START);
        }
        // This round goes to one of them: every other project loses to one.
        self.rivals_lose(&contenders)?;
        // Each may take it unless another surely beats it.
        let may: Vec<&Contender> = contenders
            .iter()
            .filter(|c| {
                contenders
                    .iter()
                    .all(|d| d.local == c.local || above(&c.rho_floor, &[d.cap()], self.h).is_some())
            })
            .collect();
        if may.is_empty() {
            return Err(Fails::AT_START);
        }
        // The state of now, to go back to between orders (if more than one).
        let now = (may.len() > 1).then(|| self.snapshot());
        for (i, c) in may.iter().enumerate() {
            if let (true, Some(now)) = (i > 0, &now) {
                self.restore(now);
            }
            self.fund(c.local, c.chord, &c.paid_floor);
            let j = left
                .iter()
                .position(|&x| x == c.local)
                .expect("a contender of the block");
            left.remove(j);
            let held = self.orders(left, base, joined);
            left.insert(j, c.local);
            self.funded[c.local] = false;
            held?;
        }
        Ok(())
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            classes: self.classes.len(),
            group_class: self.group_class.clone(),
            gone: self.gone.clone(),
            dirty: self.dirty.clone(),
            bounds: self.bounds.clone(),
            rounds: self.rounds,
            node: self.node,
        }
    }

    /// Back to the state of `snapshot` (projects funded since must be
    /// marked unfunded by the caller).
    fn restore(&mut self, snapshot: &Snapshot) {
        let n = snapshot.classes;
        self.classes.truncate(n);
        self.views.truncate(n);
        self.scratch.truncate(n);
        self.moves.truncate(n);
        self.group_class.copy_from_slice(&snapshot.group_class);
        self.gone.copy_from_slice(&snapshot.gone);
        self.dirty.copy_from_slice(&snapshot.dirty);
        self.bounds.copy_from_slice(&snapshot.bounds);
        self.rounds = snapshot.rounds;
        self.node = snapshot.node;
    }

    /// Joins the classes this order ended with into `joined`: each group's
    /// pair of classes becomes one class bounded by both (classes before
    /// `base` are shared by every order).
    fn join(&mut self, base: usize, joined: &mut Option<Joined>) {
        let Some((class, added)) = joined else {
            *joined = Some((self.group_class.clone(), self.classes[base..].to_vec()));
            return;
        };
        // Both orders split the classes of before by the projects their
        // voters supported, so each class of one pairs with one class of
        // the other: `pair[k - base]` is that one and their merged class
        // (were it not so, a group's pair gets a class of its own).
        let mut pair = vec![(NONE, NONE); added.len()];
        let mut merged: Vec<Class> = Vec::new();
        for (g, k) in class.iter_mut().enumerate() {
            let other = self.group_class[g];
            let old = *k as usize;
            if old < base && *k == other {
                continue;
            }
            let slot = old.checked_sub(base).map(|i| pair[i]);
            if let Some((_, joined)) = slot.filter(|&(paired, _)| paired == other) {
                *k = joined;
                continue;
            }
            let x = if old < base {
                self.classes[old]
            } else {
                added[old - base]
            };
            merged.push(Class::joined(&x, &self.classes[other as usize]));
            *k = (base + merged.len() - 1) as u32;
            if let Some(i) = old.checked_sub(base).filter(|&i| pair[i].0 == NONE) {
                pair[i] = (other, *k);
            }
        }
        *added = merged;
    }
}
