package nl.knooppunt.mappings;

/** Where the published contract documents live on the classpath, and the XML namespace. */
public final class Contract {
    /** XML namespace of module Schuldregeling, contract version 2. */
    public static final String NAMESPACE = "urn:knooppunt:schuldregeling:v2";
    /** Classpath resource of the XSD (envelope, every message, the batch). */
    public static final String XSD_RESOURCE = "/nl/knooppunt/mappings/xsd/schuldregeling-v2.xsd";
    /** Classpath resource of the OpenAPI document with the JSON schemas of every message. */
    public static final String OPENAPI_RESOURCE = "/nl/knooppunt/mappings/openapi/messages-v2.yaml";

    private Contract() {
    }
}
