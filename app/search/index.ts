export * from './roles';
export * from './rows';
export * from './filter';
