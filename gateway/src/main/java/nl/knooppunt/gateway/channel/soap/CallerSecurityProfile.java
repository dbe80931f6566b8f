package nl.knooppunt.gateway.channel.soap;

import java.util.Map;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;

/**
 * Tells the WS-Security check which profile to expect from this caller: the one in the creditor's
 * channel settings (2W-be-S unless it chose 2W-be-SE), so that a creditor on the encrypting profile
 * cannot fall back to plain signing. Marks the request as being in the WS-Security check until
 * {@link SignerIsCaller} has seen it through, so that any failure in between counts as the caller's.
 */
class CallerSecurityProfile extends AbstractSoapInterceptor {

    private final ParticipantRepository participants;
    private final WsSecurity security;

    CallerSecurityProfile(ParticipantRepository participants, WsSecurity security) {
        super(Phase.PRE_PROTOCOL);
        addBefore(WSS4JInInterceptor.class.getName());
        this.participants = participants;
        this.security = security;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        SecurityProfile profile = CallerCertificates.securityProfile(message, participants);
        for (Map.Entry<String, Object> setting : security.incoming(profile).entrySet()) {
            message.put(setting.getKey(), setting.getValue());
        }
        message.put(FaultDetailInterceptor.WS_SECURITY_IN_PROGRESS, Boolean.TRUE);
    }
}
