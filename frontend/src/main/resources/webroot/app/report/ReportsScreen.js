// The reports screen: a date range and a queue, then every figure of the library's chats for them,
// each a chart with its numbers in words and in a table, and a CSV of its data. ECharts is loaded
// when this screen first opens; the tables and words do not wait for it.
import { computed, onMounted, ref, shallowRef } from 'vue';
import { api, ApiError } from '../../shared/api.js';
import { session, signOut } from '../session/session-store.js';
import { t } from '../messages/t.js';
import { loadEcharts } from './load-echarts.js';
import { createReport } from './report-store.js';
import {
  chatsFigure, heatmapFigure, operatorFigure, outcomeFigure, queueFigure, questionTypeFigure, ratingFigure, tagFigure, waitFigure,
} from './report-figures.js';
import { dayName } from './report-words.js';
import ReportFigure from './ReportFigure.js';

const call = (path) => api(path, { token: session.token }).catch((error) => {
  if (error.status === 401) signOut();
  throw error;
});

async function fetchText(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${session.token}` }, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'network', t('report.downloadFailed'));
  }
  if (!response.ok) {
    if (response.status === 401) signOut();
    throw new ApiError(response.status, 'http_' + response.status, t('report.downloadFailed'));
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return { text: await response.text(), filename: named ? named[1] : '' };
}

function save(filename, text) {
  const url = URL.createObjectURL(new window.Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export default {
  components: { ReportFigure },
  setup() {
    const report = createReport({ call, fetchText, save });
    const state = report.state;
    const echarts = shallowRef(null);
    const chartsFailed = ref(false);
    const title = ref(null);
    const period = ref('day');

    const figures = computed(() => (state.report ? state.report.figures : null));
    const shown = computed(() => {
      const f = figures.value;
      if (!f) return [];
      return [
        chatsFigure(f, period.value), heatmapFigure(f, 'arrivals'), heatmapFigure(f, 'missed'), waitFigure(f), outcomeFigure(f),
        queueFigure(f), operatorFigure(f), tagFigure(f), questionTypeFigure(f), ratingFigure(f),
      ];
    });
    const range = computed(() => {
      const r = state.report;
      if (!r) return '';
      const queue = r.queueId ? (state.queues.find((q) => q.id === r.queueId) || { name: '' }).name : t('report.allQueues');
      return t('report.showing', { from: dayName(r.from), to: dayName(r.to), queue, zone: r.timezone });
    });

    onMounted(() => {
      if (title.value) title.value.focus();
      report.load();
      loadEcharts().then((loaded) => { echarts.value = loaded; }, () => { chartsFailed.value = true; });
    });

    return { state, shown, range, echarts, chartsFailed, title, period, apply: report.load, csvPath: report.csvPath, download: report.download };
  },
  template: `
    <main class="report-screen" data-test="report-screen">
      <h2 ref="title" class="pane-title" tabindex="-1">{{ t('report.title') }}</h2>
      <form class="report-filters" data-test="report-filters" @submit.prevent="apply">
        <div>
          <label for="report-from">{{ t('report.from') }}</label>
          <input id="report-from" type="date" data-test="report-from" v-model="state.filters.from" required>
        </div>
        <div>
          <label for="report-to">{{ t('report.to') }}</label>
          <input id="report-to" type="date" data-test="report-to" v-model="state.filters.to" required>
        </div>
        <div>
          <label for="report-queue">{{ t('report.queue') }}</label>
          <select id="report-queue" data-test="report-queue" v-model="state.filters.queue">
            <option value="">{{ t('report.allQueues') }}</option>
            <option v-for="q in state.queues" :key="q.id" :value="String(q.id)">{{ q.name }}</option>
          </select>
        </div>
        <button type="submit" data-test="report-apply">{{ t('report.apply') }}</button>
      </form>
      <p v-if="state.error" class="error" role="alert" data-test="report-error"><span aria-hidden="true">&#9888;</span> {{ state.error }}</p>
      <div role="status" class="report-status">
        <p v-if="state.loading" class="muted">{{ t('common.loading') }}</p>
        <template v-else-if="state.report">
          <p data-test="report-range">{{ range }}</p>
          <p class="muted report-timing" data-test="report-timing">{{ t('report.timing', { ms: state.tookMs, db: state.queryMs }) }}</p>
        </template>
        <p v-if="state.downloaded" class="muted" data-test="report-downloaded">{{ t('report.downloaded', { name: state.downloaded }) }}</p>
      </div>
      <p v-if="state.downloadError" class="error" role="alert">{{ state.downloadError }}</p>
      <p v-if="chartsFailed" class="muted">{{ t('report.chartsFailed') }}</p>
      <p v-if="state.report" class="report-entries">
        <a :href="csvPath('statistics-entries')" data-test="entries-csv" @click.prevent="download('statistics-entries')">{{ t('report.entriesCsv') }}</a>
      </p>
      <div v-if="state.report" class="report-grid">
        <ReportFigure v-for="figure in shown" :key="figure.id" :figure="figure" :echarts="echarts"
                      :csv-path="csvPath(figure.file)" :downloading="state.downloading === figure.file" @download="download(figure.file)">
          <div v-if="figure.id === 'report-chats'" class="report-switch" role="group" :aria-label="t('report.period')">
            <button type="button" class="ghost" data-test="period-day" :aria-pressed="period === 'day' ? 'true' : 'false'" @click="period = 'day'">{{ t('report.byDay') }}</button>
            <button type="button" class="ghost" data-test="period-week" :aria-pressed="period === 'week' ? 'true' : 'false'" @click="period = 'week'">{{ t('report.byWeek') }}</button>
          </div>
        </ReportFigure>
      </div>
    </main>
  `,
};
