//! The chart heard (issue 27), wiring only: the core says what plays
//! (`sound::tune`) and what each tone shows and says (`highlight::Input::Play`);
//! `shell.js` drives the Web Audio API. Started and stopped by the "Listen" button
//! or the L key on the chart, stopped by Escape, by focus leaving the chart and by
//! `destroy()`, which closes the chart's one AudioContext. Nothing plays without a
//! reader's gesture: the context is made in the click or key press that asks.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::highlight::Input;

use super::dom::Callback;
use super::state::{self, Shared};

/// What a playing (or played) chart holds: the shell's player (its AudioContext, its
/// tones and timers) and the callback its timers call, owned here (dropped on
/// destroy, never leaked).
pub struct Sound {
    player: JsValue,
    step: Callback,
    playing: bool,
}

impl Sound {
    /// Stops the tones, and closes the AudioContext (on destroy).
    pub fn close(&self) {
        super::shell::close(&self.player);
    }
    pub fn playing(&self) -> bool {
        self.playing
    }
}

/// Plays the chart's tune, or stops it when it plays (the button, the L key).
pub fn toggle(shared: &Shared) {
    let playing = shared.borrow().sound().is_some_and(Sound::playing);
    if playing {
        stop(shared);
        return;
    }
    let weak = Rc::downgrade(shared);
    let mut st = shared.borrow_mut();
    if st.sound().is_none() {
        // Each tone as it starts (its code: the item, said; -2 - the item, lit only),
        // then -1 at the end.
        let step = Callback::new(move |code: JsValue| {
            let Some(shared) = weak.upgrade() else { return };
            match code.as_f64().unwrap_or(-1.0) as i32 {
                -1 => stop(&shared),
                i if i < 0 => state::send(&shared, Input::Play(Some((-2 - i) as usize), false)),
                i => state::send(&shared, Input::Play(Some(i as usize), true)),
            }
        });
        st.set_sound(Sound { player: js_sys::Object::new().into(), step, playing: false });
    }
    st.set_pressed(true);
    if let Some(sound) = st.sound_mut() {
        sound.playing = true;
    }
    let data = st.settings().dataset();
    let tune = crate::sound::tune(data);
    // A long list plays its first regions only: said first, the tune after it.
    let cut = tune.played < tune.regions;
    if cut {
        st.widget().announce(&crate::words::played_of(&tune, st.settings().lang()));
    }
    if let Some(sound) = st.sound() {
        super::shell::play(&sound.player, tune.lead_ms(), sound.step.as_ref().unchecked_ref());
        for n in tune.notes(data, st.settings().lang()) {
            let code = if n.say { n.item as i32 } else { -2 - n.item as i32 };
            super::shell::tone(&sound.player, n.hz, n.start_ms, n.ms, n.timbre == crate::sound::Timbre::Computed, code);
        }
    }
}

/// Stops the tune if it plays (Escape, focus leaving the chart, a second press, its
/// end).
pub fn stop(shared: &Shared) {
    {
        let mut st = shared.borrow_mut();
        let Some(sound) = st.sound_mut().filter(|s| s.playing) else { return };
        super::shell::stop(&sound.player);
        sound.playing = false;
        st.set_pressed(false);
    }
    state::send(shared, Input::Play(None, false));
}
