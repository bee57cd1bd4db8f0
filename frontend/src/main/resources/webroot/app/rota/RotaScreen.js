// The rota: a week of shifts, day by day (seven columns on a wide screen, a list of days on a phone),
// with the previous and next weeks and today said in words. Admins add, change and delete shifts from
// it, give a shift's day off (and take it back), and read the coverage: each hour of the week with how
// many are rostered beside how many chats arrived in it, hours with chats and nobody marked.
import { computed, nextTick, onMounted, onUnmounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { isLibraryAdmin } from '../session/roles.js';
import { dayName, hourName, weekdayName } from '../report/report-words.js';
import { DEMAND_WEEKS, coverageRows, createCalendar } from './calendar-store.js';
import ShiftForm from './ShiftForm.js';
import { t } from '../messages/t.js';

export default {
  components: { ShiftForm },
  setup() {
    const desk = useDesk();
    const calendar = createCalendar({ call: desk.call });
    const state = calendar.state;
    const isAdmin = computed(() => isLibraryAdmin(desk.state.me.operator.role));
    const tab = ref('calendar');
    const title = ref(null);
    const done = ref('');
    // The form: null, or { editing: occurrence | null, date } for a new or changed shift.
    const form = ref(null);
    let openedFrom = null;

    const rows = computed(() => (state.coverage ? coverageRows(state.coverage, state.heatmap) : []));
    const gaps = computed(() => rows.value.reduce((sum, row) => sum + row.cells.filter((c) => c.gap).length, 0));

    function openForm(editing, date, event) {
      openedFrom = event ? event.currentTarget : null;
      form.value = { editing, date: date || state.today };
    }

    async function closeForm(message) {
      form.value = null;
      if (message) done.value = message;
      await nextTick();
      const back = openedFrom && document.body.contains(openedFrom) ? openedFrom : document.getElementById('rota-add');
      if (back) back.focus();
    }

    const saveFromForm = (kind, body) => (kind === 'weekly'
      ? calendar.saveShift(form.value.editing ? form.value.editing.shiftId : null, body)
      : calendar.addException(body));

    async function act(promise, message) {
      const answer = await promise;
      done.value = answer.ok ? message : answer.error.message;
      await nextTick();
      if (title.value) title.value.focus();
    }

    const dayOff = (shift) => act(calendar.addException({ kind: 'off', shiftId: shift.shiftId, date: shift.date }), t('rota.dayOffDone'));
    const undoDayOff = (shift) => act(calendar.deleteException(shift.exceptionId), t('rota.undoDayOffDone'));
    const deleteExtra = (shift) => act(calendar.deleteException(shift.exceptionId), t('rota.deleted'));
    const deleteWeekly = async (shift) => {
      await act(calendar.deleteShift(shift.shiftId), t('rota.deleted'));
      form.value = null;
    };

    async function showTab(name) {
      tab.value = name;
      if (name === 'coverage') await calendar.loadCoverage();
    }

    async function week(move) {
      await move();
      if (tab.value === 'coverage') await calendar.loadCoverage();
    }

    const shiftWords = (s) => t('rota.shiftLine', { starts: s.starts, ends: s.ends, queue: s.queue.name, name: s.operator.name });

    // An admin's change anywhere (another desk, this one) is announced: the week is read again.
    watch(() => desk.rota.state.changes, () => calendar.load());

    onMounted(async () => {
      if (title.value) title.value.focus();
      await calendar.load();
    });
    onUnmounted(() => { form.value = null; });

    return {
      state, isAdmin, tab, title, done, form, rows, gaps, DEMAND_WEEKS, openForm, closeForm, saveFromForm, dayOff, undoDayOff, deleteExtra, deleteWeekly,
      showTab, week, shiftWords, dayName, hourName, weekdayName, previousWeek: calendar.previousWeek, nextWeek: calendar.nextWeek, thisWeek: calendar.thisWeek,
    };
  },
  template: `
    <main class="rota-screen" data-test="rota-screen">
      <h2 ref="title" class="pane-title" tabindex="-1">{{ t('rota.title') }}</h2>
      <p class="muted small">{{ t('rota.timezone', { zone: state.timezone }) }}</p>
      <p class="muted small" role="status" data-test="rota-done">{{ done }}</p>
      <p v-if="state.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ state.error }}</p>
      <div v-if="isAdmin" class="rota-tabs" role="group" :aria-label="t('rota.views')">
        <button type="button" class="secondary" data-test="rota-tab-calendar" :aria-pressed="tab === 'calendar' ? 'true' : 'false'" @click="showTab('calendar')">{{ t('rota.calendar') }}</button>
        <button type="button" class="secondary" data-test="rota-tab-coverage" :aria-pressed="tab === 'coverage' ? 'true' : 'false'" @click="showTab('coverage')">{{ t('rota.coverage') }}</button>
      </div>
      <nav v-if="state.from" class="rota-weeks" :aria-label="t('rota.weeks')">
        <button type="button" class="secondary" data-test="rota-previous" @click="week(previousWeek)">{{ t('rota.previousWeek') }}</button>
        <button type="button" class="secondary" data-test="rota-this-week" @click="week(thisWeek)">{{ t('rota.thisWeek') }}</button>
        <button type="button" class="secondary" data-test="rota-next" @click="week(nextWeek)">{{ t('rota.nextWeek') }}</button>
        <p class="rota-week-of" data-test="rota-week-of">{{ t('rota.weekOf', { day: dayName(state.from) }) }}</p>
      </nav>

      <template v-if="tab === 'calendar'">
        <button v-if="isAdmin && state.choices && !form" id="rota-add" type="button" class="primary-inline" data-test="rota-add"
                @click="openForm(null, state.today, $event)">{{ t('rota.addShift') }}</button>
        <ShiftForm v-if="form" :key="form.editing ? form.editing.key : 'new'" :choices="state.choices" :editing="form.editing" :date="form.date"
                   :save="saveFromForm" @done="closeForm(t('rota.saved'))" @cancel="closeForm('')" />
        <button v-if="form && form.editing" type="button" class="danger-inline" data-test="shift-delete" @click="deleteWeekly(form.editing)">{{ t('rota.deleteShift') }}</button>
        <ol class="rota-week" data-test="rota-week">
          <li v-for="day in state.days" :key="day.date" class="rota-day" :class="{ today: day.date === state.today }" data-test="rota-day" :data-date="day.date">
            <h3 class="rota-day-title">{{ dayName(day.date) }}<span v-if="day.date === state.today" class="rota-today" data-test="rota-today">{{ t('rota.today') }}</span></h3>
            <p v-if="!day.shifts.length" class="muted small">{{ t('rota.noShifts') }}</p>
            <ul v-else class="rota-shifts">
              <li v-for="shift in day.shifts" :key="shift.key" class="rota-shift" :class="{ off: shift.off, extra: shift.kind === 'extra' }" data-test="rota-shift">
                <span class="rota-time">{{ t('rota.shiftTimes', { starts: shift.starts, ends: shift.ends }) }}</span>
                <span class="rota-who">{{ shift.operator.name }}</span>
                <span class="rota-queue">{{ shift.queue.name }}</span>
                <span v-if="shift.off" class="rota-tag" data-test="rota-off">{{ t('rota.off') }}</span>
                <span v-if="shift.kind === 'extra'" class="rota-tag">{{ t('rota.oneDay') }}</span>
                <span v-if="shift.note" class="rota-note">{{ shift.note }}</span>
                <span v-if="isAdmin" class="rota-actions">
                  <template v-if="shift.kind === 'weekly' && !shift.off">
                    <button type="button" class="link-button" data-test="rota-edit" @click="openForm(shift, shift.date, $event)">{{ t('rota.edit') }}<span class="visually-hidden">{{ ' ' + shiftWords(shift) }}</span></button>
                    <button type="button" class="link-button" data-test="rota-day-off" @click="dayOff(shift)">{{ t('rota.dayOff') }}<span class="visually-hidden">{{ ' ' + shiftWords(shift) }}</span></button>
                  </template>
                  <button v-else-if="shift.off" type="button" class="link-button" data-test="rota-undo-off" @click="undoDayOff(shift)">{{ t('rota.undoDayOff') }}<span class="visually-hidden">{{ ' ' + shiftWords(shift) }}</span></button>
                  <button v-else type="button" class="link-button" data-test="rota-delete-extra" @click="deleteExtra(shift)">{{ t('rota.delete') }}<span class="visually-hidden">{{ ' ' + shiftWords(shift) }}</span></button>
                </span>
              </li>
            </ul>
          </li>
        </ol>
      </template>

      <section v-else class="rota-coverage" data-test="rota-coverage" aria-labelledby="coverage-title">
        <h3 id="coverage-title">{{ t('rota.coverageTitle') }}</h3>
        <p class="small">{{ t('rota.coverageHow', { weeks: DEMAND_WEEKS }) }}</p>
        <p v-if="state.coverageError" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ state.coverageError }}</p>
        <p v-if="rows.length" class="small" data-test="coverage-gaps">{{ t('rota.gaps', { count: gaps }) }}</p>
        <div v-if="rows.length" class="rota-table-wrap" tabindex="0" role="region" :aria-label="t('rota.coverageTitle')">
          <table class="rota-table" data-test="coverage-table">
            <caption class="visually-hidden">{{ t('rota.coverageCaption', { weeks: DEMAND_WEEKS }) }}</caption>
            <thead>
              <tr><th scope="col">{{ t('rota.hour') }}</th><th v-for="d in 7" :key="d" scope="col">{{ weekdayName(d).slice(0, 3) }}<span class="visually-hidden">{{ weekdayName(d).slice(3) }}</span></th></tr>
            </thead>
            <tbody>
              <tr v-for="row in rows" :key="row.hour">
                <th scope="row">{{ hourName(row.hour) }}</th>
                <td v-for="cell in row.cells" :key="cell.weekday" :class="{ gap: cell.gap, covered: cell.rostered > 0 }" data-test="coverage-cell"
                    :data-weekday="cell.weekday" :data-hour="row.hour">
                  <span aria-hidden="true">{{ t('rota.cellShort', { rostered: cell.rostered, arrivals: cell.arrivals }) }}<span v-if="cell.gap" class="gap-mark">{{ t('rota.gapMark') }}</span></span>
                  <span class="visually-hidden">{{ t('rota.cellWords', { rostered: cell.rostered, arrivals: cell.arrivals }) }}{{ cell.gap ? ' ' + t('rota.gapWords') : '' }}</span>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </main>
  `,
};
