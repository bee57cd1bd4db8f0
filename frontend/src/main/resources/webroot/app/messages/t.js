// The operator app's words: `t(key, params)` over its catalogue. Only English so far; choosing a
// language will happen here.
import { translator } from '../../shared/i18n.js';
import en from './en.js';

export const t = translator(en);
