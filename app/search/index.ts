export * from './roles';
export * from './highlight';
export * from './rows';
export * from './row-list';
