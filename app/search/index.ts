export * from './roles';
export * from './highlight';
export * from './rows';
export * from './filter';
export * from './row-list';
