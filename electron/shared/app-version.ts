// The application's version, written into every backup manifest. Kept equal to package.json's
// "version" by a unit test (the CLI runs under tsx, where no bundler could inject it).
export const APP_VERSION = '0.1.0';
