//! SQLite settings that sqlx does not expose: the query planner stability
//! guarantee on every connection, and the library's memory.
//!
//! Since SQLite 3.48 a statement whose `LIMIT` is a bound value (every
//! paginated list) is planned with that value and marked to be planned
//! again whenever it is bound anew, which is at every execution: the
//! statement cache then saves nothing, and preparing a list of many joins
//! cost a fifth of the CPU of a list page. With the guarantee
//! (`SQLITE_DBCONFIG_ENABLE_QPSG`) a statement keeps the plan it was
//! prepared with, whatever values are bound: the plans `tests/suite/list_plans.rs`
//! checks are the ones that run.

use std::ffi::c_int;

use libsqlite3_sys::{SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK, sqlite3_db_config};
use sqlx::SqliteConnection;

/// Sets (`Some(true)`), clears or only reads (`None`) the guarantee on
/// this connection; returns whether it is on.
async fn qpsg(conn: &mut SqliteConnection, set: Option<bool>) -> Result<bool, sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    let mut on: c_int = 0;
    let value: c_int = set.map_or(-1, c_int::from);
    // SAFETY: `db` is this connection's open handle, held locked by
    // `handle` for the call; this option takes an int (-1 reads only) and
    // a pointer to an int that receives the setting.
    let rc = unsafe { sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, value, &mut on as *mut c_int) };
    if rc != SQLITE_OK {
        return Err(sqlx::Error::Configuration(
            format!("SQLite refused the query planner stability guarantee (code {rc})").into(),
        ));
    }
    Ok(on != 0)
}

/// Turns the guarantee on for a new connection.
pub async fn keep_plans(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    qpsg(conn, Some(true)).await.map(|_| ())
}

/// Whether the guarantee is on for this connection.
pub async fn keeps_plans(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    qpsg(conn, None).await
}

mod library {
    //! SQLite's own memory: through mimalloc, like the rest of the server,
    //! and without its memory statistics (a lock taken at every allocation).

    use std::ffi::{c_int, c_void};
    use std::sync::Once;

    use libsqlite3_sys::{
        SQLITE_CONFIG_MALLOC, SQLITE_CONFIG_MEMSTATUS, SQLITE_OK, sqlite3_config, sqlite3_mem_methods,
    };

    unsafe extern "C" fn x_malloc(n: c_int) -> *mut c_void {
        // SAFETY: mimalloc's malloc accepts any size; SQLite never asks for
        // a negative one.
        unsafe { libmimalloc_sys::mi_malloc(n.max(0) as usize) }
    }
    unsafe extern "C" fn x_free(p: *mut c_void) {
        // SAFETY: SQLite only frees what `x_malloc`/`x_realloc` gave it.
        unsafe { libmimalloc_sys::mi_free(p) }
    }
    unsafe extern "C" fn x_realloc(p: *mut c_void, n: c_int) -> *mut c_void {
        // SAFETY: as for `x_free`.
        unsafe { libmimalloc_sys::mi_realloc(p, n.max(0) as usize) }
    }
    unsafe extern "C" fn x_size(p: *mut c_void) -> c_int {
        // SAFETY: as for `x_free`.
        unsafe { libmimalloc_sys::mi_usable_size(p) as c_int }
    }
    unsafe extern "C" fn x_roundup(n: c_int) -> c_int {
        // SAFETY: a pure function of the size.
        unsafe { libmimalloc_sys::mi_good_size(n.max(0) as usize) as c_int }
    }
    unsafe extern "C" fn x_init(_: *mut c_void) -> c_int {
        SQLITE_OK
    }
    unsafe extern "C" fn x_shutdown(_: *mut c_void) {}

    static CONFIGURE: Once = Once::new();

    /// Configures the library once, before its first connection opens
    /// (afterwards SQLite refuses, and keeps its defaults).
    pub fn configure() {
        CONFIGURE.call_once(|| {
            let methods = sqlite3_mem_methods {
                xMalloc: Some(x_malloc),
                xFree: Some(x_free),
                xRealloc: Some(x_realloc),
                xSize: Some(x_size),
                xRoundup: Some(x_roundup),
                xInit: Some(x_init),
                xShutdown: Some(x_shutdown),
                pAppData: std::ptr::null_mut(),
            };
            // SAFETY: called before SQLite is initialised (the first
            // connection of the process has not opened yet); SQLite copies
            // the methods, which stay valid as plain functions.
            let rc = unsafe {
                sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
                sqlite3_config(SQLITE_CONFIG_MALLOC, &methods as *const sqlite3_mem_methods)
            };
            if rc != SQLITE_OK {
                tracing::warn!("SQLite kept its own allocator (code {rc})");
            }
        });
    }
}

pub use library::configure as configure_library;
