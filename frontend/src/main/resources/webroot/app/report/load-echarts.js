// ECharts is a megabyte: only the reports screen loads it, once, as a classic script from its webjar
// (it defines window.echarts), with the screen's own stylesheet. The desk and the widget never do.
const SCRIPT = '/webjars/echarts/dist/echarts.min.js';
const STYLES = '/app/report/report.css';

let loading = null;

export function loadEcharts(doc = document) {
  if (!doc.querySelector(`link[href="${STYLES}"]`)) {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLES;
    doc.head.appendChild(link);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      if (window.echarts) {
        resolve(window.echarts);
        return;
      }
      const script = doc.createElement('script');
      script.src = SCRIPT;
      script.dataset.test = 'echarts-script';
      script.onload = () => resolve(window.echarts);
      script.onerror = () => {
        loading = null;
        script.remove();
        reject(new Error('echarts'));
      };
      doc.head.appendChild(script);
    });
  }
  return loading;
}
