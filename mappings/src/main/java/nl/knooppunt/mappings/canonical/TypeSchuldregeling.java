package nl.knooppunt.mappings.canonical;

/** Type of settlement in module Schuldregeling: schuldbemiddeling, saneringskrediet, zonder afloscapaciteit. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration TypeSchuldregeling). */
public enum TypeSchuldregeling {
    SB, SK, SA
}
