/** Test setup for studio unit tests. */
export {};
