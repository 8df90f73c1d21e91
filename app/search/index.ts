export * from './roles';
export * from './rows';
