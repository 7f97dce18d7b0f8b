//! Wiring only: each listener decodes its event into the core's `highlight::Input`
//! (pointer positions through the one `CanvasFrame` conversion) and sends it; the
//! rules and their effects (even "the canvas may have moved") live in `highlight`
//! and `state`. The chart owns every listener: dropping them detaches them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget, KeyboardEvent};

use crate::highlight::{Input, PointerEvent, Step, pointer_input};

use super::dom::Listener;
use super::state::{self, EventCount, Shared};

/// A pointer event as the reading rules take it (`highlight::pointer_input`): its
/// pointer type and where in the viewport (clientX/Y: reading them forces no
/// layout, unlike offsetX/Y); a tap is read at once, where the canvas is now.
fn pointer(s: &Shared, e: &Event, event: PointerEvent) -> Option<Input> {
    let e = e.unchecked_ref::<web_sys::PointerEvent>(); // these listeners get pointer events only
    let client = (e.client_x() as f64, e.client_y() as f64);
    pointer_input(event, &e.pointer_type(), client, |at| s.borrow_mut().widget_mut().frame_now().to_layout(at))
}

/// One listener: `decode` turns its event into an input for the rules, or nothing.
#[cfg_attr(not(feature = "probes"), allow(unused_variables))]
fn listen(
    target: &EventTarget,
    kind: &'static str,
    shared: &Shared,
    events: &EventCount,
    decode: Box<dyn Fn(&Shared, &Event) -> Option<Input>>,
) -> Listener {
    let shared = shared.clone();
    #[cfg(feature = "probes")]
    let events = events.clone();
    // Scrolls are caught in the capture phase (they do not bubble). (Keys can stop
    // the page scrolling: a keydown listener is not passive unless asked to be.)
    Listener::new(target, kind, kind == "scroll", move |e| {
        #[cfg(feature = "probes")]
        events.set(events.get() + 1);
        if let Some(input) = decode(&shared, e) {
            state::send(&shared, input);
        }
    })
}

/// Attaches every listener the chart needs. With the `probes` feature, `events`
/// counts handled events (tests prove nothing fires after destroy).
pub fn attach(shared: &Shared, events: &EventCount) -> Vec<Listener> {
    let (canvas, root, image, button): (EventTarget, JsValue, EventTarget, EventTarget) = {
        let s = shared.borrow();
        let w = s.widget();
        (w.canvas().clone().into(), w.root().clone().into(), w.image_link().clone().into(), w.listen_button().clone().into())
    };
    let root_target: EventTarget = root.clone().unchecked_into();
    let (canvas_target, button_target) = (canvas.clone(), button.clone());
    let mut out = vec![
        listen(&canvas, "pointermove", shared, events, Box::new(|s, e| pointer(s, e, PointerEvent::Move))),
        listen(&canvas, "pointerleave", shared, events, Box::new(|s, e| pointer(s, e, PointerEvent::Leave))),
        listen(&canvas, "pointerup", shared, events, Box::new(|s, e| pointer(s, e, PointerEvent::Up))),
        listen(&canvas, "pointercancel", shared, events, Box::new(|s, e| pointer(s, e, PointerEvent::Cancel))),
        // Where the canvas is is read once per visit, not per move.
        listen(&canvas, "pointerenter", shared, events, Box::new(|_, _| Some(Input::PointerEnter))),
        listen(&canvas, "keydown", shared, events, Box::new(|s, e| {
            let e = e.unchecked_ref::<KeyboardEvent>(); // a keydown listener gets keyboard events only
            // (A constant false in a build without Arabic: nothing borrowed.)
            let modifier = e.alt_key() || e.ctrl_key() || e.meta_key();
            let key = e.key();
            // L plays the bars as tones (and stops them); Escape stops them too.
            if !modifier && (key == "l" || key == "L") {
                super::sound::toggle(s);
                return None;
            }
            let rtl = cfg!(feature = "ar") && s.borrow().settings().lang().rtl();
            let step = Step::from_key(&key, modifier, rtl)?;
            e.prevent_default(); // arrows would scroll the page
            if step == Step::Clear {
                super::sound::stop(s);
            }
            Some(Input::Key(step))
        })),
        listen(&canvas, "focus", shared, events, Box::new(|s, _| {
            state::focus(s, true);
            None
        })),
        listen(&canvas, "blur", shared, events, Box::new(|s, _| {
            state::focus(s, false);
            None
        })),
        // The image is drawn as the link is followed, before the browser reads its
        // href: a click (mouse, touch, or Enter on the focused link).
        listen(&button, "click", shared, events, Box::new(|s, _| {
            super::sound::toggle(s);
            None
        })),
        // Escape on the button stops its tones, and L plays or stops them as on the
        // chart.
        listen(&button, "keydown", shared, events, Box::new(|s, e| {
            let e = e.unchecked_ref::<KeyboardEvent>();
            match e.key().as_str() {
                "Escape" => super::sound::stop(s),
                "l" | "L" if !(e.alt_key() || e.ctrl_key() || e.meta_key()) => super::sound::toggle(s),
                _ => {}
            }
            None
        })),
        // Focus going anywhere but the chart or its button stops the tones (a link
        // of the chart's footer too: a reader who moves on has stopped listening, and
        // a screen reader drops what was queued to be said).
        listen(&root_target, "focusout", shared, events, Box::new(move |s, e| {
            let to = e.unchecked_ref::<web_sys::FocusEvent>().related_target();
            if !to.is_some_and(|t| t == canvas_target || t == button_target) {
                super::sound::stop(s);
            }
            None
        })),
        listen(&image, "click", shared, events, Box::new(|s, _| {
            let s = s.borrow();
            if let Err(e) = s.widget().image_url() {
                s.show_alert(Some(&super::js::message_of(&e.into())));
            }
            None
        })),
    ];
    let win = super::dom::window();
    // The composed path sees through shadow roots (the custom element's), where
    // the event's target is retargeted to the host.
    let press = Box::new(move |_: &Shared, e: &Event| (!e.composed_path().includes(&root, 0)).then_some(Input::PressOutside));
    if let Some(doc) = win.document() {
        out.push(listen(&doc, "pointerdown", shared, events, press));
    }
    // Any scroll, of the page or of a box holding the chart (scroll events do not
    // bubble: caught on their way down), moves the canvas under the pointer.
    out.push(listen(&win, "scroll", shared, events, Box::new(|_, _| Some(Input::Scroll))));
    out
}
