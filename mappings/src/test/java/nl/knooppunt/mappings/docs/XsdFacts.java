package nl.knooppunt.mappings.docs;

import nl.knooppunt.mappings.docs.XsdModel.Field;

/** Read-only facts from the contract XSD for tests outside this package. */
public final class XsdFacts {
    private static final XsdModel XSD = XsdModel.load();

    private XsdFacts() {
    }

    /** Whether the element is required (minOccurs not 0) in the XSD type (or message element) of that name. */
    public static boolean required(String xsdTypeName, String elementName) {
        Field field = XSD.field(xsdTypeName, elementName);
        if (field == null) {
            throw new IllegalStateException(xsdTypeName + " has no element " + elementName + " in the XSD");
        }
        return field.required();
    }
}
