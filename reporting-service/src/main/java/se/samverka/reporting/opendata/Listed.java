package se.samverka.reporting.opendata;

/** An entry of the read models as a dataset lists it: its id, and the public register it is read with. */
record Listed<E>(String id, E entry, PublicRegister register) {
}
