package nl.knooppunt.gateway.channel.soap;

import java.util.Map;
import org.apache.wss4j.common.ConfigurationConstants;

/**
 * The Digikoppeling WUS security profiles the SOAP channel speaks. Which one a creditor uses is its
 * channel setting {@code security-profile}; the default is 2W-be-S.
 */
public enum SecurityProfile {
    /** Two-way, best effort, signed: body, timestamp and addressing headers signed in both directions. */
    SIGNED("2W-be-S", ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE),
    /** As 2W-be-S, and the body encrypted to the receiver's certificate. */
    SIGNED_AND_ENCRYPTED("2W-be-SE", ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE + " "
            + ConfigurationConstants.ENCRYPTION);

    static final String SETTING = "security-profile";

    private final String name;
    private final String wss4jActions;

    SecurityProfile(String name, String wss4jActions) {
        this.name = name;
        this.wss4jActions = wss4jActions;
    }

    public String profileName() {
        return name;
    }

    String wss4jActions() {
        return wss4jActions;
    }

    public boolean encrypts() {
        return this == SIGNED_AND_ENCRYPTED;
    }

    /** The profile in a creditor's channel settings. */
    public static SecurityProfile of(Map<String, String> settings) {
        String value = settings.getOrDefault(SETTING, SIGNED.name);
        for (SecurityProfile profile : values()) {
            if (profile.name.equalsIgnoreCase(value)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("Unknown security profile '" + value + "'; use 2W-be-S or 2W-be-SE");
    }
}
