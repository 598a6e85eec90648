export { default } from '@city/config/eslint';
