/**
 * Lints the Office code with Microsoft's Office add-in rules: load before read, sync before read,
 * no context.sync() in loops, null checks through isNullObject.
 */
'use strict';

const officeAddins = require('eslint-plugin-office-addins');
const tsParser = require('@typescript-eslint/parser');
const tsPlugin = require('@typescript-eslint/eslint-plugin');

module.exports = [
  { ignores: ['bench/build/**', 'dist/**', 'lib/**', 'node_modules/**', 'test-output/**'] },
  {
    files: ['src/office/**/*.ts', 'src/commands/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2020,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tsPlugin },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      '@typescript-eslint/no-unused-vars': 'error',
    },
  },
];
