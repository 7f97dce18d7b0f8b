// Mistakes a newsroom could make: each line marked `// error` must be rejected by
// the package's typings (tests/types/check.mjs checks that exactly those lines fail).
import { mount } from '../../pkg/mali_idp_chart.js';

mount('#c', { lang: 'de' }); // error
mount('#c', { theme: 'neon' }); // error
mount('#c', { data: 42 }); // error
mount('#c', { view: 'globe' }); // error
mount('#c', { colour: 'red' }); // error
mount(42); // error
mount('#c', { data: { title: 'T', source: 'S', total: 1, regions: [{ name: 'A' }] } }); // error
const n: string = mount('#c').bars()[0].persons; // error
mount('#c').update({ lang: 'en' });
console.log(n);
