//! The last line of defence. No panic should be reachable from JS (inputs are
//! validated, DOM failures are errors), but if one happens anyway, the reader sees
//! a message in every chart instead of a frozen one, and the console gets one report.
//!
//! The shipped build (tools/build.sh) is compiled with `panic = immediate-abort`: a
//! panic there traps on the spot, no hook can run, and the chart keeps its last
//! drawing while the browser reports the trap in the console. The hook and the list
//! of alert boxes are then left out (they would be dead code); test builds keep them.

use std::cell::{Cell, RefCell};

use web_sys::HtmlElement;

use crate::locale::Lang;

thread_local! {
    /// Each live chart's alert box.
    static ALERTS: RefCell<Vec<(u32, HtmlElement)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Installs the hook once per page.
pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    static ONCE: std::sync::Once = std::sync::Once::new();
    #[cfg(not(panic = "immediate-abort"))]
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("mali-idp-chart: internal error: {info}").into());
            ALERTS.with(|alerts| {
                // try_borrow: the panic may have struck while the list was in use.
                if let Ok(alerts) = alerts.try_borrow() {
                    for (_, el) in alerts.iter() {
                        el.set_text_content(Some(message(el)));
                        super::dom::style(el, &[("display", "block")]);
                    }
                }
            });
        }));
    });
}

/// The message for the chart `alert` belongs to, in the language it speaks when the
/// panic strikes (its root's `lang`, which `update()` keeps current).
#[cfg_attr(panic = "immediate-abort", allow(dead_code))] // no hook there (see above)
pub fn message(alert: &HtmlElement) -> &'static str {
    let tag = alert.closest("[lang]").ok().flatten().and_then(|root| root.get_attribute("lang"));
    tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Fr).internal_error()
}

/// Registers a chart's alert box; the id unregisters it on destroy.
pub fn register(alert: &HtmlElement) -> u32 {
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    if cfg!(not(panic = "immediate-abort")) {
        ALERTS.with(|a| a.borrow_mut().push((id, alert.clone())));
    }
    id
}

pub fn unregister(id: u32) {
    ALERTS.with(|a| a.borrow_mut().retain(|(i, _)| *i != id));
}

/// Charts registered (for tests: destroy must unregister).
#[cfg(feature = "probes")]
pub fn registered() -> usize {
    ALERTS.with(|a| a.borrow().len())
}
