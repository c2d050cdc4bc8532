//! Keeping the server's memory small at rest. The binary's allocator is
//! mimalloc (main.rs), built without transparent huge pages (a 2 MiB page
//! per touched region would triple the resident memory of an idle server).
//! mimalloc keeps freed memory a while for reuse and returns it when it next
//! runs on that thread; after the rare, large and short-lived allocations
//! of Argon2 (19 MiB a password hash, on a blocking thread that may then
//! sleep), `release` returns it at once.

/// Returns the calling thread's freed memory to the operating system.
pub fn release() {
    // SAFETY: mi_collect takes no pointer and only frees memory that is no
    // longer in use; it is safe to call from any thread at any time (and a
    // no-op for memory of another allocator, as in tests).
    unsafe { libmimalloc_sys::mi_collect(true) }
}
