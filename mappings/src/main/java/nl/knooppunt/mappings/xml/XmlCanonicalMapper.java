package nl.knooppunt.mappings.xml;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.internal.Records;
import nl.knooppunt.mappings.internal.Records.Component;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import nl.knooppunt.mappings.xml.jaxb.ObjectFactory;

/**
 * Maps between the canonical records and the JAXB classes generated from the XSD. The mapping follows
 * the contract's naming rule (record component {@code klantnummerSHV} is the JAXB property
 * {@code KlantnummerSHV}; a list is a wrapper object holding the items), so one mapper covers every
 * message type; the round-trip tests cover each type. Public for channels (SOAP) that work with the
 * JAXB objects directly.
 */
public final class XmlCanonicalMapper {
    private static final String JAXB_PACKAGE = ObjectFactory.class.getPackageName();

    private static final ClassValue<Map<String, JaxbProperty>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, JaxbProperty> computeValue(Class<?> type) {
            return introspect(type);
        }
    };

    /** The generated class of a message element, e.g. {@code jaxb.Saldoverzoek}. */
    public static Class<? extends Bericht> jaxbClass(MessageType type) {
        try {
            return Class.forName(JAXB_PACKAGE + "." + type.code()).asSubclass(Bericht.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no JAXB class for " + type.code(), e);
        }
    }

    public Bericht toJaxb(Message message) {
        Bericht target = (Bericht) newInstance(jaxbClass(message.type()));
        target.setHeader((nl.knooppunt.mappings.xml.jaxb.Header)
                toJaxbObject(message.header(), nl.knooppunt.mappings.xml.jaxb.Header.class));
        copyInto(message.body(), target);
        return target;
    }

    /**
     * @throws InvalidFieldException when the content breaks a rule the XSD cannot express (the field is
     *                               the XSD element path, e.g. {@code Saldoverzoek.Header.CrossReferentienummer})
     */
    public Message fromJaxb(Bericht source) {
        MessageType type = MessageType.fromCode(source.getClass().getSimpleName())
                .orElseThrow(() -> new IllegalArgumentException("not a message element: " + source.getClass()));
        String root = type.code();
        Header header = (Header) fromJaxbObject(source.getHeader(), Header.class, root + ".Header");
        MessageBody body = (MessageBody) fromJaxbObject(source, type.bodyType(), root);
        try {
            return new Message(header, body);
        } catch (InvalidFieldException e) {
            throw e.within(root + ".Header");
        }
    }

    public nl.knooppunt.mappings.xml.jaxb.BatchHeader toJaxb(BatchHeader header) {
        return (nl.knooppunt.mappings.xml.jaxb.BatchHeader)
                toJaxbObject(header, nl.knooppunt.mappings.xml.jaxb.BatchHeader.class);
    }

    public BatchHeader fromJaxb(nl.knooppunt.mappings.xml.jaxb.BatchHeader source) {
        return (BatchHeader) fromJaxbObject(source, BatchHeader.class, "BatchHeader");
    }

    // ---------------------------------------------------------------- canonical to JAXB

    private Object toJaxbObject(Record source, Class<?> targetType) {
        Object target = newInstance(targetType);
        copyInto(source, target);
        return target;
    }

    private void copyInto(Object record, Object target) {
        Map<String, JaxbProperty> properties = PROPERTIES.get(target.getClass());
        for (Component component : Records.shape(record.getClass()).components()) {
            JaxbProperty property = property(properties, target.getClass(), component);
            Object value = component.get(record);
            if (component.isList()) {
                List<?> items = (List<?>) value;
                if (!items.isEmpty()) {
                    Object wrapper = newInstance(property.type());
                    ListProperty list = listProperty(wrapper.getClass());
                    List<Object> targetItems = list.items(wrapper);
                    for (Object item : items) {
                        targetItems.add(toJaxbValue(item, list.itemType()));
                    }
                    property.set(target, wrapper);
                }
            } else {
                property.set(target, toJaxbValue(value, property.type()));
            }
        }
    }

    private Object toJaxbValue(Object value, Class<?> targetType) {
        if (value == null) {
            return null;
        }
        if (value instanceof Record record) {
            return toJaxbObject(record, targetType);
        }
        if (value instanceof Enum<?> constant) {
            return jaxbEnum(targetType, codeOf(constant));
        }
        return value; // String, Integer, BigDecimal, LocalDate, OffsetDateTime, UUID: bound alike
    }

    // ---------------------------------------------------------------- JAXB to canonical

    private Object fromJaxbObject(Object source, Class<?> recordType, String path) {
        if (source == null) {
            return null;
        }
        Map<String, JaxbProperty> properties = PROPERTIES.get(source.getClass());
        List<Component> components = Records.shape(recordType).components();
        Object[] arguments = new Object[components.size()];
        for (int i = 0; i < arguments.length; i++) {
            Component component = components.get(i);
            Object raw = property(properties, source.getClass(), component).get(source);
            String childPath = path + "." + component.elementName();
            if (component.isList()) {
                List<Object> items = new ArrayList<>();
                if (raw != null) {
                    List<Object> rawItems = listProperty(raw.getClass()).items(raw);
                    for (int j = 0; j < rawItems.size(); j++) {
                        items.add(fromJaxbValue(rawItems.get(j), component.itemType(), childPath + "[" + j + "]"));
                    }
                }
                arguments[i] = items;
            } else {
                arguments[i] = fromJaxbValue(raw, component.type(), childPath);
            }
        }
        try {
            return Records.shape(recordType).construct(arguments);
        } catch (InvalidFieldException e) {
            throw e.within(path);
        }
    }

    private Object fromJaxbValue(Object raw, Class<?> targetType, String path) {
        if (raw == null) {
            return null;
        }
        if (targetType.isRecord()) {
            return fromJaxbObject(raw, targetType, path);
        }
        if (targetType.isEnum()) {
            String code = (String) invoke(method(raw.getClass(), "value"), raw);
            return canonicalEnum(targetType, code);
        }
        return raw;
    }

    // ---------------------------------------------------------------- enums

    private static String codeOf(Enum<?> constant) {
        return constant instanceof MessageType type ? type.code() : constant.name();
    }

    private static Object canonicalEnum(Class<?> type, String code) {
        if (type == MessageType.class) {
            return MessageType.fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown Berichttype " + code));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object constant = Enum.valueOf((Class) type, code);
        return constant;
    }

    private static Object jaxbEnum(Class<?> jaxbType, String code) {
        return invoke(method(jaxbType, "fromValue", String.class), null, code);
    }

    // ---------------------------------------------------------------- reflection helpers

    private record JaxbProperty(Method getter, Method setter) {
        Class<?> type() {
            return setter.getParameterTypes()[0];
        }

        Object get(Object target) {
            return invoke(getter, target);
        }

        void set(Object target, Object value) {
            if (value == null && type().isPrimitive()) {
                return;
            }
            invoke(setter, target, value);
        }
    }

    private record ListProperty(Method getter, Class<?> itemType) {
        @SuppressWarnings("unchecked")
        List<Object> items(Object wrapper) {
            return (List<Object>) invoke(getter, wrapper);
        }
    }

    private static final ClassValue<ListProperty> LIST_PROPERTIES = new ClassValue<>() {
        @Override
        protected ListProperty computeValue(Class<?> wrapperType) {
            for (Method method : wrapperType.getMethods()) {
                if (method.getName().startsWith("get") && List.class.equals(method.getReturnType())
                        && method.getParameterCount() == 0) {
                    return new ListProperty(method, Records.typeArgument(method.getGenericReturnType()));
                }
            }
            throw new IllegalStateException(wrapperType + " is not a list wrapper");
        }
    };

    private static ListProperty listProperty(Class<?> wrapperType) {
        return LIST_PROPERTIES.get(wrapperType);
    }

    private static Map<String, JaxbProperty> introspect(Class<?> type) {
        Map<String, Method> getters = new HashMap<>();
        Map<String, Method> setters = new HashMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (name.startsWith("get") && method.getParameterCount() == 0 && !name.equals("getClass")) {
                getters.put(name.substring(3), method);
            } else if (name.startsWith("is") && method.getParameterCount() == 0) {
                getters.put(name.substring(2), method);
            } else if (name.startsWith("set") && method.getParameterCount() == 1) {
                setters.put(name.substring(3), method);
            }
        }
        Map<String, JaxbProperty> properties = new HashMap<>();
        getters.forEach((name, getter) -> {
            if (setters.containsKey(name)) {
                properties.put(name, new JaxbProperty(getter, setters.get(name)));
            }
        });
        return properties;
    }

    private static JaxbProperty property(Map<String, JaxbProperty> properties, Class<?> type, Component component) {
        JaxbProperty property = properties.get(component.elementName());
        if (property == null) {
            throw new IllegalStateException("the XSD type of " + type.getSimpleName() + " has no element "
                    + component.elementName() + " (naming rule broken)");
        }
        return property;
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no method " + name, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type, e);
        }
    }
}
