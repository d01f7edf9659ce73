import CLua
import CLuaSupport

/// A Swift class whose instances Lua scripts can use: declare its properties
/// and methods once, and every instance pushed to Lua gets them.
///
///     final class Counter: LuaObject {
///         var value = 0
///         static func describe(_ type: LuaObjectType<Counter>) {
///             type.property("value", get: { .integer(Int64($0.value)) },
///                           set: { counter, v in counter.value = Int(try v.requireInteger()) })
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

/// The type-erased face of a declaration, kept alive by the state's metatable.
class LuaObjectTypeBox {
    func property(_ L: OpaquePointer, object: AnyObject, index: Int32, setting: Bool) -> Int32 { 0 }
}

final class ConcreteObjectTypeBox<Object: AnyObject>: LuaObjectTypeBox {
    let declaration: LuaObjectType<Object>
    init(_ declaration: LuaObjectType<Object>) { self.declaration = declaration }

    override func property(_ L: OpaquePointer, object: AnyObject, index: Int32, setting: Bool) -> Int32 {
        let core = LuaStateCore.of(L)
        let object = object as! Object
        do {
            if index < 0 {
                guard setting else { return 0 }  // an unknown field reads as nil
                let key = LuaStack.text(at: 2, on: L) ?? luaTypeName(L, 2)
                throw LuaError(kind: .runtime, message: "cannot set field '\(key)' of \(declaration.name): no such property")
            }
            let property = declaration.properties[Int(index)]
            if setting {
                guard let set = property.set else {
                    throw LuaError(kind: .runtime, message: "cannot set field '\(property.name)' of \(declaration.name): it is read-only")
                }
                try set(object, LuaStack.value(at: 3, on: L, core: core))
                return 0
            }
            try LuaStack.push(property.get(object), on: L, core: core)
            return 1
        } catch let error as LuaError where error.kind == .runtime {
            lua_settop(L, 0)
            LuaStack.pushString(error.message, on: L)
            return CL_RAISE_MESSAGE
        } catch {
            return pushError(error, on: L, core: core)
        }
    }

    private func luaTypeName(_ L: OpaquePointer, _ index: Int32) -> String {
        String(cString: lua_typename(L, lua_type(L, index)))
    }
}

func dispatchProperty(
    _ L: OpaquePointer?, _ type: UnsafeMutableRawPointer?, _ object: UnsafeMutableRawPointer?,
    _ property: Int32, _ setting: Int32
) -> Int32 {
    let box = Unmanaged<LuaObjectTypeBox>.fromOpaque(type!).takeUnretainedValue()
    let object = Unmanaged<AnyObject>.fromOpaque(object!).takeUnretainedValue()
    return box.property(L!, object: object, index: property, setting: setting != 0)
}

extension LuaState {
    /// Pushes `object` as a userdata, registering its type on first use.
    func pushObject<T: LuaObject>(_ object: T, on L: OpaquePointer) {
        if !core.registeredTypes.contains(T.luaTypeName) { registerType(T.self, on: L) }
        cl_push_swift_object(L, Unmanaged.passRetained(object as AnyObject).toOpaque(), T.luaTypeName)
    }

    private func registerType<T: LuaObject>(_ type: T.Type, on L: OpaquePointer) {
        let declaration = LuaObjectType<T>(name: T.luaTypeName)
        T.describe(declaration)
        let name = T.luaTypeName
        lua_createtable(L, 0, Int32(declaration.methods.count))
        for method in declaration.methods {
            let body = method.body
            LuaStack.pushString(method.name, on: L)
            pushSwiftFunction(on: L) { args in
                guard let raw = cl_to_swift_object(args.L, 1, name) else {
                    throw args.typeError(1, expected: name)
                }
                return try body(Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as! T, args)
            }
            lua_rawset(L, -3)
        }
        lua_createtable(L, 0, Int32(declaration.properties.count))
        for (index, property) in declaration.properties.enumerated() {
            LuaStack.pushString(property.name, on: L)
            lua_pushinteger(L, lua_Integer(index))
            lua_rawset(L, -3)
        }
        let box = ConcreteObjectTypeBox(declaration)
        cl_new_object_metatable(L, name, -2, -1, Unmanaged.passRetained(box as AnyObject).toOpaque())
        addMetamethods(declaration, name: name, on: L)
        lua_settop(L, -4)
        core.registeredTypes.insert(name)
    }

    private func addMetamethods<T: AnyObject>(_ declaration: LuaObjectType<T>, name: String, on L: OpaquePointer) {
        let object: (LuaArguments, Int32) -> T? = { args, i in
            cl_to_swift_object(args.L, i, name).map { Unmanaged<AnyObject>.fromOpaque($0).takeUnretainedValue() as! T }
        }
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
            let next = makeSwiftFunction(on: args.L, core: args.core) { nextArgs in
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
