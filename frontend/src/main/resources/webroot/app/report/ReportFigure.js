// One figure of the reports screen: its heading, its numbers in words, the chart (once ECharts has
// loaded), the same numbers as a table, and its CSV. The chart is drawn again when the figure or the
// width changes, and let go when the figure leaves the page.
import { onMounted, onUnmounted, ref, watch } from 'vue';

export default {
  props: {
    figure: { type: Object, required: true },
    echarts: { type: Object, default: null },
    csvPath: { type: String, required: true },
    downloading: { type: Boolean, default: false },
  },
  emits: ['download'],
  setup(props) {
    const canvas = ref(null);
    let chart = null;
    // The chart's box changes with the window and the grid: the chart follows it.
    const resizes = new ResizeObserver(() => chart && chart.resize());

    function draw() {
      if (chart && chart.getDom() !== canvas.value) {
        chart.dispose();
        chart = null;
      }
      if (!props.echarts || !canvas.value || !props.figure.option) return;
      if (!chart) {
        chart = props.echarts.init(canvas.value, null, { renderer: 'canvas' });
        resizes.observe(canvas.value);
      }
      chart.setOption(props.figure.option, true);
    }

    onMounted(draw);
    // After the DOM update: a chart's box appears only once there is something to draw.
    watch(() => [props.echarts, props.figure.option], draw, { flush: 'post' });
    onUnmounted(() => {
      resizes.disconnect();
      if (chart) chart.dispose();
    });
    return { canvas };
  },
  template: `
    <section class="report-figure" :data-test="figure.id" :aria-labelledby="figure.id + '-title'">
      <div class="report-figure-head">
        <h3 :id="figure.id + '-title'">{{ figure.title }}</h3>
        <slot />
      </div>
      <p class="report-words" data-test="figure-words">{{ figure.words }}</p>
      <div v-if="figure.option" v-show="echarts" ref="canvas" class="report-chart" role="img" :aria-label="figure.words" data-test="figure-chart"></div>
      <div class="report-table-wrap" tabindex="0" role="region" :aria-label="t('report.tableOf', { title: figure.title })">
        <table class="report-table" data-test="figure-table">
          <caption class="visually-hidden">{{ figure.title }}</caption>
          <thead><tr><th v-for="(column, i) in figure.columns" :key="i" scope="col">{{ column }}</th></tr></thead>
          <tbody>
            <tr v-for="(row, r) in figure.rows" :key="r">
              <component :is="c === 0 ? 'th' : 'td'" v-for="(cell, c) in row" :key="c" :scope="c === 0 ? 'row' : null">{{ cell }}</component>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="report-csv">
        <a :href="csvPath" data-test="csv-link" :aria-busy="downloading ? 'true' : 'false'"
           @click.prevent="$emit('download')">{{ t('report.downloadCsv') }}<span class="visually-hidden">{{ ' ' + t('report.csvOf', { title: figure.title }) }}</span></a>
      </p>
    </section>
  `,
};
