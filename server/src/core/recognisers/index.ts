export * from './config';
export * from './protocol';
export * from './labelStudio';
export * from './merge';
