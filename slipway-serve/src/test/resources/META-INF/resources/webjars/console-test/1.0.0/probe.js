// A file laid out as a WebJar lays out its files, for the console's /webjars route tests.
export const probe = "webjar";
