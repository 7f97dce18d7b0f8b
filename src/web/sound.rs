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
        // Each tone as it starts (its note's index is its item), then the end.
        let step = Callback::new(move |i: JsValue| {
            let Some(shared) = weak.upgrade() else { return };
            match i.as_f64().filter(|i| *i >= 0.0) {
                Some(item) => state::send(&shared, Input::Play(Some(item as usize))),
                None => stop(&shared),
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
        super::shell::play(&sound.player, if cut { 2500.0 } else { 0.0 }, sound.step.as_ref().unchecked_ref());
        for n in tune.notes(data) {
            super::shell::tone(&sound.player, n.hz, n.start_ms, n.ms, n.timbre == crate::sound::Timbre::Computed);
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
    state::send(shared, Input::Play(None));
}
