//! The shipped wasm module: the chart's JS API, linked as one LTO unit, with a small
//! allocator (only here: native tests and the rlib keep the standard one).
pub use mali_idp_chart::web::*;

// SAFETY: wasm32 without threads runs this module on one thread only.
#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
