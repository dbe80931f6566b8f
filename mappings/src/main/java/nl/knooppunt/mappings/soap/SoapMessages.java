package nl.knooppunt.mappings.soap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.mappings.xml.jaxb.Bericht;

/**
 * The SOAP wrappers hold "any one message of the contract" as a choice of fifteen elements, which
 * JAXB turns into fifteen properties. These helpers read and write that one message as a
 * {@link Bericht}, whatever its type.
 */
public final class SoapMessages {

    private SoapMessages() {}

    /** The one message in a choice holder (e.g. VerstuurBerichtVerzoek, MailboxBericht). */
    public static Bericht messageOf(Object holder) {
        List<Bericht> present = new ArrayList<>();
        for (Method getter : holder.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && Bericht.class.isAssignableFrom(getter.getReturnType())) {
                Object value = invoke(getter, holder);
                if (value != null) {
                    present.add((Bericht) value);
                }
            }
        }
        if (present.size() != 1) {
            throw new IllegalArgumentException("Expected exactly one message, found " + present.size());
        }
        return present.get(0);
    }

    /** Puts the message in the holder's property of the message's own type. */
    public static <T> T withMessage(T holder, Bericht message) {
        for (Method setter : holder.getClass().getMethods()) {
            if (setter.getParameterCount() == 1 && setter.getParameterTypes()[0] == message.getClass()
                    && setter.getName().startsWith("set")) {
                invoke(setter, holder, message);
                return holder;
            }
        }
        throw new IllegalArgumentException(holder.getClass().getSimpleName() + " cannot hold a "
                + message.getClass().getSimpleName());
    }

    /** The messages of a holder with a repeated choice (VerstuurBerichtenVerzoek, Batch), live. */
    @SuppressWarnings("unchecked")
    public static List<Bericht> messagesOf(Object holder) {
        for (Method getter : holder.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && List.class.isAssignableFrom(getter.getReturnType())
                    && getter.getName().startsWith("get") && getter.getGenericReturnType().getTypeName()
                            .equals("java.util.List<" + Bericht.class.getName() + ">")) {
                return (List<Bericht>) invoke(getter, holder);
            }
        }
        throw new IllegalArgumentException(holder.getClass().getSimpleName() + " holds no list of messages");
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Generated SOAP type cannot be accessed: " + method, e);
        }
    }
}
