//! Secrets: password hashing (Argon2id) and random tokens stored hashed.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

/// Hashes a password with Argon2id (OWASP parameters: 19 MiB, 2 passes).
/// CPU-heavy: call from `spawn_blocking` in request handlers (see
/// [`hash_password_async`]).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
}

/// Whether `password` matches the stored PHC string. A malformed hash is a
/// mismatch, never a panic.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

/// Hashes at once at most as many passwords as there are cores: each takes
/// 19 MiB and a core's time, so more at once would only queue on the cores
/// while holding their memory (a burst of log-ins would hold gigabytes).
fn hashing_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    })
}

/// Runs Argon2 work on a blocking thread, one per core at most. The last
/// of a burst gives the memory back (in a burst, the next hash reuses it).
async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> anyhow::Result<T> {
    let slots = hashing_slots();
    let _slot = slots.acquire().await?;
    Ok(tokio::task::spawn_blocking(move || {
        let out = work();
        // With every slot taken, others are hashing and will reuse it.
        if slots.available_permits() > 0 {
            crate::memory::release();
        }
        out
    })
    .await?)
}

pub async fn hash_password_async(password: String) -> anyhow::Result<String> {
    hashing(move || hash_password(&password)).await?
}

pub async fn verify_password_async(password: String, phc: Option<String>) -> bool {
    // Without a stored hash we still spend the same time, so that timing does
    // not reveal which emails have accounts.
    let phc = phc.unwrap_or_else(|| DUMMY_HASH.to_string());
    hashing(move || verify_password(&password, &phc)).await.unwrap_or(false)
}

/// A valid Argon2id hash of a random string, used to equalise timing.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2TnLqtmzm4k7qdzZRbGJ8O9sY8kzmnn0f9Zw6wFf6NQ";

/// 32 random bytes as 64 hex characters.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    let mut text = [0u8; 64];
    // Every page answered to a new visitor makes one: no char-by-char string.
    hex::encode_to_slice(bytes, &mut text).expect("64 hex digits for 32 bytes");
    std::str::from_utf8(&text).expect("hex digits are ASCII").to_owned()
}

/// SHA-256 of a token, in hex: what the database stores.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in constant time.
pub fn same_secret(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Leading zero bits of SHA-256(`nonce:solution`): a proof of work is valid
/// when this reaches the challenge's difficulty.
pub fn pow_bits(nonce: &str, solution: &str) -> u32 {
    let digest = Sha256::digest(format!("{nonce}:{solution}").as_bytes());
    let mut bits = 0;
    for b in digest.iter() {
        if *b == 0 {
            bits += 8;
        } else {
            bits += b.leading_zeros();
            break;
        }
    }
    bits
}

/// Solves a challenge by brute force (what the browser's pow.js does); for tests and tools.
pub fn pow_solve(nonce: &str, difficulty: u32) -> String {
    (0u64..)
        .map(|i| i.to_string())
        .find(|s| pow_bits(nonce, s) >= difficulty)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_reject() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong horse battery", &h));
        assert!(!verify_password("x", "not a hash"));
        assert!(!verify_password("x", DUMMY_HASH));
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
    }

    #[test]
    fn proofs_of_work_are_checked() {
        let solution = pow_solve("abc", 8);
        assert!(pow_bits("abc", &solution) >= 8);
        // The solver returns the first number that works.
        let n: u64 = solution.parse().unwrap();
        assert!((0..n).all(|i| pow_bits("abc", &i.to_string()) < 8));
    }
}
