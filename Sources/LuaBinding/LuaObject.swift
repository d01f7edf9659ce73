import CLua
import CLuaSupport

/// A Swift class whose instances Lua scripts can use: declare its properties
/// and methods once, and every instance pushed to Lua gets them.
///
///     final class Counter: LuaObject {
///         var value = 0
///         static func describe(_ type: LuaObjectType<Counter>) {
///             type.property("value", get: { .integer(Int64($0.value)) },
///                           set: { counter, v in counter.value = Int(v.integerValue ?? 0) })
///             type.method("add") { counter, args in
///                 counter.value += Int(try args.integer(2))
///                 return .one(.integer(Int64(counter.value)))
///             }
///         }
///     }
///
/// In Lua: `c.value`, `c.value = 3`, `c:add(2)`, `tostring(c)`, `c == c2`
/// (same Swift object), and `pairs(c)` over the properties. Lua holds a
/// strong reference while the userdata lives and releases it in `__gc`.
public protocol LuaObject: AnyObject {
    /// The name Lua shows for the type (in `tostring` and argument errors).
    static var luaTypeName: String { get }
    /// Declares the properties and methods Lua sees.
    static func describe(_ type: LuaObjectType<Self>)
}

extension LuaObject {
    public static var luaTypeName: String { String(describing: Self.self) }

    /// The registry key of the type's metatable: the type's own identity, so
    /// that two types with the same display name (`A.Item`, `B.Item`) stay apart.
    static var luaRegistryKey: UnsafeRawPointer {
        UnsafeRawPointer(bitPattern: UInt(bitPattern: ObjectIdentifier(Self.self)))!
    }
}

/// The declaration of a Swift type as Lua sees it.
public final class LuaObjectType<Object: AnyObject> {
    struct Property {
        let name: String
        let get: (Object) throws -> LuaValue
        let set: ((Object, LuaValue) throws -> Void)?
    }

    let name: String
    var properties: [Property] = []
    var methods: [(name: String, body: (Object, LuaArguments) throws -> LuaResults)] = []
    var toString: ((Object) -> String)?
    var equality: ((Object, Object) -> Bool)?

    init(name: String) { self.name = name }

    /// A field scripts read as `object.name` (and assign, when `set` is given).
    public func property(
        _ name: String, get: @escaping (Object) throws -> LuaValue,
        set: ((Object, LuaValue) throws -> Void)? = nil
    ) {
        properties.append(Property(name: name, get: get, set: set))
    }

    /// A method scripts call as `object:name(...)`; argument 1 is the object.
    public func method(_ name: String, _ body: @escaping (Object, LuaArguments) throws -> LuaResults) {
        methods.append((name, body))
    }

    /// What `tostring(object)` gives. Without it: "TypeName: 0x…".
    public func describe(_ body: @escaping (Object) -> String) { toString = body }

    /// When two objects are `==` in Lua. Without it: when they are the same Swift object.
    public func equal(_ body: @escaping (Object, Object) -> Bool) { equality = body }
}

/// A declaration with its Swift type erased, kept alive by the metatable.
///
/// Property reads are the hot path (a script reads `app.stage` in loops), so
/// the closures are erased once, here, into `let` arrays: no generic type is
/// instantiated and no exclusivity check runs per read.
final class ObjectTypeTable {
    let name: String
    let propertyNames: [String]
    let getters: [(AnyObject) throws -> LuaValue]
    let setters: [((AnyObject, LuaValue) throws -> Void)?]

    init<Object: AnyObject>(_ declaration: LuaObjectType<Object>) {
        name = declaration.name
        propertyNames = declaration.properties.map(\.name)
        // The metatable has already proved each object is an Object.
        getters = declaration.properties.map { property in
            let get = property.get
            return { object in try get(unsafeDowncast(object, to: Object.self)) }
        }
        setters = declaration.properties.map { property in
            guard let set = property.set else { return nil }
            return { object, value in try set(unsafeDowncast(object, to: Object.self), value) }
        }
    }

    func property(_ L: OpaquePointer, object: AnyObject, index: Int32, setting: Bool) -> Int32 {
        do {
            if index < 0 {
                guard setting else { return 0 }  // an unknown field reads as nil
                let key = LuaStack.text(at: 2, on: L) ?? String(cString: lua_typename(L, lua_type(L, 2)))
                throw LuaError(kind: .runtime, message: "cannot set field '\(key)' of \(name): no such property")
            }
            let i = Int(index)
            if setting {
                guard let set = setters[i] else {
                    throw LuaError(kind: .runtime, message: "cannot set field '\(propertyNames[i])' of \(name): it is read-only")
                }
                try set(object, LuaStack.value(at: 3, on: L, core: LuaStateCore.of(L)))
                return 0
            }
            try LuaStack.push(getters[i](object), on: L)
            return 1
        } catch let error as LuaError where error.kind == .runtime {
            lua_settop(L, 0)
            LuaStack.pushString(error.message, on: L)
            return CL_RAISE_MESSAGE
        } catch {
            return pushError(error, on: L)
        }
    }
}

func dispatchProperty(
    _ L: OpaquePointer?, _ type: UnsafeMutableRawPointer?, _ object: UnsafeMutableRawPointer?,
    _ property: Int32, _ setting: Int32
) -> Int32 {
    // Both are kept alive by Lua for the length of the call (the metatable
    // holds the table, the userdata on the stack holds the object): borrow
    // them instead of paying a retain and a release each.
    Unmanaged<ObjectTypeTable>.fromOpaque(type!)._withUnsafeGuaranteedRef { table in
        Unmanaged<AnyObject>.fromOpaque(object!)._withUnsafeGuaranteedRef { object in
            table.property(L!, object: object, index: property, setting: setting != 0)
        }
    }
}

extension LuaState {
    /// Pushes `object` as a userdata, registering its type on first use.
    func pushObject<T: LuaObject>(_ object: T, on L: OpaquePointer) {
        if !core.registeredTypes.contains(ObjectIdentifier(T.self)) { registerType(T.self, on: L) }
        cl_push_swift_object(L, Unmanaged.passRetained(object as AnyObject).toOpaque(), T.luaRegistryKey)
    }

    private func registerType<T: LuaObject>(_ type: T.Type, on L: OpaquePointer) {
        let declaration = LuaObjectType<T>(name: T.luaTypeName)
        T.describe(declaration)
        let name = T.luaTypeName
        let key = T.luaRegistryKey
        // The object at argument i, when it is a T (the metatable says so).
        let object: (LuaArguments, Int32) -> T? = { args, i in
            cl_to_swift_object(args.L, i, key).map { unsafeDowncast(Unmanaged<AnyObject>.fromOpaque($0).takeUnretainedValue(), to: T.self) }
        }
        lua_createtable(L, 0, Int32(declaration.methods.count))
        for method in declaration.methods {
            let body = method.body
            LuaStack.pushString(method.name, on: L)
            pushSwiftFunction(on: L) { args in
                guard let me = object(args, 1) else { throw args.typeError(1, expected: name) }
                return try body(me, args)
            }
            lua_rawset(L, -3)
        }
        lua_createtable(L, 0, Int32(declaration.properties.count))
        for (index, property) in declaration.properties.enumerated() {
            LuaStack.pushString(property.name, on: L)
            lua_pushinteger(L, lua_Integer(index))
            lua_rawset(L, -3)
        }
        let table = ObjectTypeTable(declaration)
        cl_new_object_metatable(L, key, name, -2, -1, Unmanaged.passRetained(table as AnyObject).toOpaque())
        addMetamethods(declaration, name: name, object: object, on: L)
        lua_settop(L, -4)
        core.registeredTypes.insert(ObjectIdentifier(T.self))
    }

    private func addMetamethods<T: AnyObject>(
        _ declaration: LuaObjectType<T>, name: String, object: @escaping (LuaArguments, Int32) -> T?, on L: OpaquePointer
    ) {
        if let toString = declaration.toString {
            LuaStack.pushString("__tostring", on: L)
            pushSwiftFunction(on: L) { args in
                guard let o = object(args, 1) else { throw args.typeError(1, expected: name) }
                return .one(LuaValue(toString(o)))
            }
            lua_rawset(L, -3)
        }
        let equality = declaration.equality
        LuaStack.pushString("__eq", on: L)
        pushSwiftFunction(on: L) { args in
            guard let a = object(args, 1), let b = object(args, 2) else { return .one(false) }
            return .one(.boolean(equality?(a, b) ?? (a === b)))
        }
        lua_rawset(L, -3)
        // pairs(object) walks the declared properties in order.
        let properties = declaration.properties
        LuaStack.pushString("__pairs", on: L)
        pushSwiftFunction(on: L) { args in
            guard let o = object(args, 1) else { throw args.typeError(1, expected: name) }
            let next = makeSwiftFunction(on: args.L) { nextArgs in
                let previous = try nextArgs.optionalString(2)
                let start = previous.flatMap { p in properties.firstIndex { $0.name == p } }.map { $0 + 1 } ?? 0
                guard start < properties.count else { return .one(.nil) }
                return [LuaValue(properties[start].name), try properties[start].get(o)]
            }
            return [.function(next), try args.value(1), .nil]
        }
        lua_rawset(L, -3)
    }
}
