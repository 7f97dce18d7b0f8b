// What a newsroom's TypeScript writes: it must type-check against the package's own
// typings (pkg/, from `make package`) with a common library setting and
// skipLibCheck off (tests/types/check.mjs).
import init, { mount, type Bar, type Chart, type MountOptions } from '../../pkg/mali_idp_chart.js';
import { MaliIdpChart, load, nextTask } from '../../pkg/mali-idp-chart.js';
import { listenForHeights } from '../../pkg/embed-parent.js';

await init();
const options: MountOptions = { lang: 'en', theme: 'dark', view: 'both' };
const chart: Chart = mount('#chart', options);
mount(document.body);
mount(document.createElement('div'), {
  data: { title: 'T', source: 'S', total: 100, regions: [{ name: 'A', persons: 40 }, { name: 'B', persons: 30, computed: true }], showRest: true },
});
chart.update({ lang: null, view: 'map' });
const bars: Bar[] = chart.bars();
const first: number = bars[0].x + bars[0].width + bars[0].persons;
const name: string = bars[0].name;
chart.destroy();
chart.free();

const element: MaliIdpChart | null = document.querySelector('mali-idp-chart');
const live: Chart | null | undefined = element?.chart;
live?.update({ theme: 'light' });
listenForHeights(document);

// A mount in steps, each in a task of its own (what the element does).
const build = await load('bars');
const stepped: Chart = build.start('#chart', { lang: 'fr' });
do await nextTask(); while (stepped.step());
console.log(first, name);
