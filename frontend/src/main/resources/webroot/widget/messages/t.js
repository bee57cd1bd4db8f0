// The widget's words: `t(key, params)` over its catalogue, and the locale its ordinals follow. Only
// English so far; choosing a language will happen here.
import { translator } from '../../shared/i18n.js';
import en from './en.js';

export const LOCALE = 'en';
export const t = translator(en);
