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
            let item = i.as_f64().filter(|i| *i >= 0.0).map(|i| i as usize);
            if item.is_none() {
                st_playing(&shared, false);
            }
            state::send(&shared, Input::Play(item));
        });
        st.set_sound(Sound { player: js_sys::Object::new().into(), step, playing: false });
    }
    let tune = crate::sound::tune(st.settings().dataset());
    let notes: Vec<f64> = tune
        .notes
        .iter()
        .flat_map(|n| [n.hz, n.start_ms as f64, n.ms as f64, (n.timbre == crate::sound::Timbre::Computed) as u8 as f64])
        .collect();
    // A long list plays its first regions only: said first, the tune after it.
    let cut = tune.notes.len() < tune.regions;
    if cut {
        let text = crate::words::played_of(&tune, st.settings().lang());
        st.widget().announce(&text);
    }
    st.set_pressed(true);
    if let Some(sound) = st.sound_mut() {
        sound.playing = true;
        super::shell::play(&sound.player, &notes, if cut { 2500.0 } else { 0.0 }, sound.step.as_ref().unchecked_ref());
    }
}

/// Stops the tune if it plays (Escape, focus leaving the chart, a second press).
pub fn stop(shared: &Shared) {
    let was = shared.borrow().sound().is_some_and(Sound::playing);
    if was {
        if let Some(sound) = shared.borrow().sound() {
            super::shell::stop(&sound.player);
        }
        st_playing(shared, false);
        state::send(shared, Input::Play(None));
    }
}

fn st_playing(shared: &Shared, playing: bool) {
    let mut st = shared.borrow_mut();
    st.set_pressed(playing);
    if let Some(sound) = st.sound_mut() {
        sound.playing = playing;
    }
}
