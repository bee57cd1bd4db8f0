export default { template: `<section><h3 tabindex="-1">{{ t('notes.adminTitle') }}</h3></section>` };
