package nl.knooppunt.mappings.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Reflection over the canonical records, shared by the XML and CSV mappers. The contract's naming
 * rule makes this possible: a record component {@code klantnummerSHV} is the XSD element
 * {@code KlantnummerSHV}, the JAXB property {@code getKlantnummerSHV()} and the CSV column
 * {@code KlantnummerSHV}.
 */
public final class Records {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private Records() {
    }

    public static RecordShape shape(Class<?> recordType) {
        return SHAPES.get(recordType);
    }

    public static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** A record's components with their accessors, item types and canonical constructor. */
    public static final class RecordShape {
        private final Class<?> type;
        private final List<Component> components;
        private final Constructor<?> constructor;

        private RecordShape(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            this.type = type;
            RecordComponent[] recordComponents = type.getRecordComponents();
            this.components = Arrays.stream(recordComponents).map(Component::new).toList();
            try {
                this.constructor = type.getDeclaredConstructor(
                        Arrays.stream(recordComponents).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor on " + type, e);
            }
        }

        public Class<?> type() {
            return type;
        }

        public List<Component> components() {
            return components;
        }

        /** Calls the canonical constructor; validation errors ({@code InvalidFieldException}) pass through. */
        public Object construct(Object[] arguments) {
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type, e);
            }
        }
    }

    /** One record component. */
    public static final class Component {
        private final String name;
        private final Class<?> type;
        private final Class<?> itemType;
        private final Method accessor;

        private Component(RecordComponent component) {
            this.name = component.getName();
            this.type = component.getType();
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            this.itemType = List.class.equals(type) ? typeArgument(component.getGenericType()) : null;
        }

        /** The component name, e.g. {@code klantnummerSHV}. */
        public String name() {
            return name;
        }

        /** The XSD element and CSV column name, e.g. {@code KlantnummerSHV}. */
        public String elementName() {
            return capitalize(name);
        }

        public Class<?> type() {
            return type;
        }

        public boolean isList() {
            return itemType != null;
        }

        /** Item type of a list component, null otherwise. */
        public Class<?> itemType() {
            return itemType;
        }

        public Object get(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    public static Class<?> typeArgument(Type genericType) {
        if (genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return argument;
        }
        throw new IllegalStateException("expected a List<X> but found " + genericType);
    }
}
