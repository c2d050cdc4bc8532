//! Rendered pages kept in memory for anonymous visitors.
//!
//! A page is the same for every anonymous visitor in a language, except for
//! the CSRF token its forms carry. Pages are therefore rendered with a
//! marker in place of the token (a random string chosen when the server
//! starts, so nobody can type it in a comment) and kept split at the marker;
//! each visitor gets the pieces joined with their own token.
//!
//! Rules, checked by `tests/suite/page_cache.rs`:
//! - only what the web layer offers is kept: anonymous GET requests without
//!   a notice or a personal cookie, answered 200 in HTML without
//!   `Set-Cookie` (see `web/page_cache.rs`);
//! - a kept page is served for at most `Config::kept_for` (a second), so a change
//!   made on any server sharing the database shows on every server within a
//!   second, as with the organisation's settings and the counters;
//!   `forget_all` drops everything at once after a change made here;
//! - memory is bounded: the cache holds at most `capacity` bytes of pages
//!   (oldest and least used first out), and pages larger than an eighth of
//!   it are not kept.
//!
//! When a kept page is missing or too old, the first visitor renders it and
//! those asking for it meanwhile wait for that page (`lookup`), rather than
//! every visitor of a busy page rendering it again each second. A path
//! whose answer is not kept (it sets a cookie, or is an error) is marked
//! for as long, so that its visitors do not wait on each other.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use std::collections::HashMap;
use std::sync::Mutex;

use bytes::{Bytes, BytesMut};
use tokio::sync::watch;

/// What a page depends on for an anonymous visitor: its language and its
/// path with the query string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub lang: &'static str,
    pub path: String,
}

/// A kept page: its content type and its body cut where the token goes.
#[derive(Debug)]
pub struct Page {
    pub at: Instant,
    pub content_type: String,
    /// The body's pieces; the token goes between two consecutive pieces.
    pub pieces: Vec<Bytes>,
    /// Marks a path whose answer is not kept (no pieces then).
    pass: bool,
}

impl Page {
    /// Cuts `body` at every occurrence of `marker`.
    pub fn new(content_type: String, body: &Bytes, marker: &str) -> Page {
        let mut pieces = Vec::new();
        let mut start = 0;
        for at in memchr::memmem::find_iter(body, marker.as_bytes()) {
            pieces.push(body.slice(start..at));
            start = at + marker.len();
        }
        pieces.push(body.slice(start..));
        Page {
            at: Instant::now(),
            content_type,
            pieces,
            pass: false,
        }
    }

    fn pass() -> Page {
        Page {
            at: Instant::now(),
            content_type: String::new(),
            pieces: Vec::new(),
            pass: true,
        }
    }

    /// The body for a visitor whose token is `token`, as the pieces with the
    /// token between them (shared, not copied).
    pub fn chunks(&self, token: &str) -> Vec<Bytes> {
        let token = Bytes::copy_from_slice(token.as_bytes());
        let mut out = Vec::with_capacity(self.pieces.len() * 2);
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.push(token.clone());
            }
            if !piece.is_empty() {
                out.push(piece.clone());
            }
        }
        out
    }

    /// The body for a visitor whose token is `token`, in one piece.
    pub fn body(&self, token: &str) -> Bytes {
        if let [only] = self.pieces.as_slice() {
            return only.clone();
        }
        let len: usize = self.pieces.iter().map(Bytes::len).sum::<usize>() + token.len() * (self.pieces.len() - 1);
        let mut out = BytesMut::with_capacity(len);
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(token.as_bytes());
            }
            out.extend_from_slice(piece);
        }
        out.freeze()
    }

    fn weight(&self, key: &Key) -> u64 {
        (self.pieces.iter().map(Bytes::len).sum::<usize>() + key.path.len() + 64) as u64
    }

    fn fresh(&self, max_age: Duration) -> bool {
        self.at.elapsed() < max_age
    }
}

#[derive(Clone)]
struct Weigher;

impl quick_cache::Weighter<Key, Arc<Page>> for Weigher {
    fn weight(&self, key: &Key, page: &Arc<Page>) -> u64 {
        page.weight(key)
    }
}

/// A page being rendered: visitors asking for it meanwhile wait for it.
type InFlight = watch::Receiver<Option<Arc<Page>>>;

/// What to do with a request for a page.
pub enum Lookup<'a> {
    /// Serve this kept page.
    Hit(Arc<Page>),
    /// Render it: its answer is not kept.
    Pass,
    /// Another visitor is rendering it: wait for their page (None: it was
    /// not kept, render it).
    Wait(InFlight),
    /// Render it, then `Flight::finish` with the page to keep, if any.
    Render(Flight<'a>),
}

/// The render of a missing page; dropped unfinished (the visitor left),
/// those waiting render it themselves.
pub struct Flight<'a> {
    cache: &'a PageCache,
    key: Key,
    tx: watch::Sender<Option<Arc<Page>>>,
}

impl Flight<'_> {
    /// Keeps `page` (None: the answer is not to be kept) and hands it to
    /// those waiting.
    pub fn finish(self, page: Option<Arc<Page>>) {
        let kept = page.clone().unwrap_or_else(|| Arc::new(Page::pass()));
        self.cache.put(self.key.clone(), kept);
        self.tx.send_replace(page);
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        self.cache.in_flight().remove(&self.key);
    }
}

pub struct PageCache {
    pages: Option<quick_cache::sync::Cache<Key, Arc<Page>, Weigher>>,
    in_flight: Mutex<HashMap<Key, InFlight>>,
    capacity: u64,
    max_age: Duration,
    marker: String,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl PageCache {
    /// A cache of at most `capacity` bytes whose pages are served for
    /// `max_age`; either at 0 turns it off.
    pub fn new(capacity: u64, max_age: Duration) -> PageCache {
        let pages = (capacity > 0 && !max_age.is_zero()).then(|| {
            // quick_cache sizes its tables from the expected number of items:
            // pages weigh about 50 KB each.
            let items = (capacity / 50_000).clamp(16, 4096) as usize;
            quick_cache::sync::Cache::with_weighter(items, capacity, Weigher)
        });
        PageCache {
            pages,
            in_flight: Mutex::default(),
            capacity,
            max_age,
            marker: format!("csrf-marker-{}", crate::security::random_token()),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    pub fn enabled(&self) -> bool {
        self.pages.is_some()
    }

    /// What pages are rendered with in place of a visitor's CSRF token.
    pub fn marker(&self) -> &str {
        &self.marker
    }

    fn in_flight(&self) -> std::sync::MutexGuard<'_, HashMap<Key, InFlight>> {
        // The map stays consistent whatever panicked while holding it.
        self.in_flight.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// What to do with a request for `key`: serve the kept page if it is
    /// less than `max_age` old, wait for the visitor rendering it, or
    /// render it.
    pub fn lookup(&self, key: &Key) -> Lookup<'_> {
        let Some(pages) = &self.pages else {
            return Lookup::Pass;
        };
        if let Some(page) = pages.get(key).filter(|p| p.fresh(self.max_age)) {
            if page.pass {
                return Lookup::Pass;
            }
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Lookup::Hit(page);
        }
        let mut flights = self.in_flight();
        if let Some(rx) = flights.get(key) {
            return Lookup::Wait(rx.clone());
        }
        let (tx, rx) = watch::channel(None);
        flights.insert(key.clone(), rx);
        self.misses.fetch_add(1, Ordering::Relaxed);
        Lookup::Render(Flight {
            cache: self,
            key: key.clone(),
            tx,
        })
    }

    /// Counts a page served to a visitor who waited for its render.
    pub fn served_after_wait(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Keeps `page` unless it is too large to be worth it (then its path is
    /// marked as not kept).
    fn put(&self, key: Key, page: Arc<Page>) {
        if let Some(pages) = &self.pages {
            let page = if page.weight(&key) <= self.capacity / 8 {
                page
            } else {
                Arc::new(Page::pass())
            };
            pages.insert(key, page);
        }
    }

    /// Drops every kept page (after a change made on this server).
    pub fn forget_all(&self) {
        if let Some(pages) = &self.pages {
            pages.clear();
        }
    }

    /// Bytes of pages held now (never more than the capacity).
    pub fn weight(&self) -> u64 {
        self.pages.as_ref().map_or(0, |p| p.weight())
    }

    pub fn capacity(&self) -> u64 {
        self.capacity
    }

    /// Pages served from the cache and pages rendered to be kept since the
    /// start.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_join_with_the_visitors_token() {
        let body = Bytes::from_static(b"<form>MARK</form><a>MARK</a>end");
        let page = Page::new("text/html".into(), &body, "MARK");
        assert_eq!(page.pieces.len(), 3);
        assert_eq!(&page.body("tok")[..], b"<form>tok</form><a>tok</a>end");
        assert_eq!(page.chunks("tok").concat(), b"<form>tok</form><a>tok</a>end");
        let plain = Page::new("text/html".into(), &Bytes::from_static(b"no form"), "MARK");
        assert_eq!(&plain.body("tok")[..], b"no form");
    }

    #[test]
    fn visitors_wait_for_the_render_under_way() {
        let cache = PageCache::new(1 << 20, Duration::from_millis(100));
        let key = Key {
            lang: "fr",
            path: "/".into(),
        };
        let Lookup::Render(first) = cache.lookup(&key) else {
            panic!("a missing page is rendered");
        };
        assert!(matches!(cache.lookup(&key), Lookup::Wait(_)), "others wait for it");
        let body = Bytes::from_static(b"<p>page</p>");
        first.finish(Some(Arc::new(Page::new("text/html".into(), &body, "MARK"))));
        assert!(matches!(cache.lookup(&key), Lookup::Hit(_)));
        std::thread::sleep(Duration::from_millis(120));
        let Lookup::Render(again) = cache.lookup(&key) else {
            panic!("an expired page is rendered again");
        };
        // A render dropped unfinished (the visitor left) lets the next one render.
        drop(again);
        assert!(matches!(cache.lookup(&key), Lookup::Render(_)));
    }

    #[test]
    fn memory_stays_under_the_capacity() {
        let cache = PageCache::new(200_000, Duration::from_secs(1));
        let body = Bytes::from(vec![b'x'; 20_000]);
        for i in 0..100 {
            let key = Key {
                lang: "fr",
                path: format!("/p/{i}"),
            };
            cache.put(key, Arc::new(Page::new("text/html".into(), &body, "MARK")));
            assert!(cache.weight() <= 200_000, "{} bytes held", cache.weight());
        }
        // A page over an eighth of the capacity is not kept.
        let big = Bytes::from(vec![b'x'; 30_000]);
        let key = Key {
            lang: "fr",
            path: "/big".into(),
        };
        cache.put(key.clone(), Arc::new(Page::new("text/html".into(), &big, "MARK")));
        assert!(matches!(cache.lookup(&key), Lookup::Pass), "marked as not kept");
    }
}
