import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Kafka error codes are named (ErrorCode.X from @tideline/protocol, generated from Kafka's table):
// these selectors flag a number where an error code is compared, switched on, assigned, put in an
// object, asserted, or given to KafkaError/checkError. Field names follow the generated messages
// (errorCode, partitionErrorCode, topicConfigErrorCode, ...). A Kafka error name given a number
// (`const E = { NOT_COORDINATOR: 16 }`) is a local copy of the table and is flagged too.
const generatedErrors = readFileSync(new URL('packages/protocol/src/generated/errors.ts', import.meta.url), 'utf8');
const ERROR_NAME = `/^(${[...generatedErrors.matchAll(/^ {2}([A-Z][A-Z0-9_]*): -?\d+,$/gm)].map((m) => m[1]).join('|')})$/`;
const ERROR_CODE = '/^(errorCode|[a-z][a-zA-Z]*ErrorCode)$/';
const isCode = (node) => `:matches([${node}.name=${ERROR_CODE}], [${node}.property.name=${ERROR_CODE}])`;
const isNumber = (node) => `:matches([${node}.type='Literal'][${node}.raw=/^[0-9]/], [${node}.type='UnaryExpression'][${node}.operator='-'][${node}.argument.type='Literal'])`;
const numericErrorCode = [
  `BinaryExpression[operator=/^[!=]==?$/]${isCode('left')}${isNumber('right')}`,
  `BinaryExpression[operator=/^[!=]==?$/]${isCode('right')}${isNumber('left')}`,
  `LogicalExpression${isCode('left')}${isNumber('right')}`,
  `SwitchStatement${isCode('discriminant')} > SwitchCase${isNumber('test')}`,
  `AssignmentExpression${isCode('left')}${isNumber('right')}`,
  `Property[key.name=${ERROR_CODE}]${isNumber('value')}`,
  `:matches(Property[key.name=${ERROR_NAME}]${isNumber('value')}, VariableDeclarator[id.name=${ERROR_NAME}]${isNumber('init')})`,
  `:matches(NewExpression[callee.name='KafkaError'], CallExpression[callee.name=/^(checkError|kafkaErrorInfo)$/])${isNumber('arguments.0')}`,
  `CallExpression[callee.property.name=/^(equal|strictEqual|notEqual|notStrictEqual)$/]${isCode('arguments.0')}${isNumber('arguments.1')}`,
].map((selector) => ({ selector, message: 'Name Kafka error codes: use ErrorCode.X from @tideline/protocol, not a number.' }));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', 'packages/protocol/src/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-restricted-syntax': ['error', ...numericErrorCode],
    },
  },
);
