/// Adds the initialiser Swift would synthesize for a struct (one parameter per stored property, in
/// declaration order; a `var`'s initial value and an optional's `nil` as defaults), at the struct's own
/// access level: the synthesized one is internal, and the client, the sandbox and the tests construct
/// the wire types. A `@Defaulted` or `@DefaultedTo<D>` property defaults to what a missing key decodes
/// as, so a value made in code has the defaults of an unset Octopus field. Implemented by
/// `MemberwiseInitMacro` in OctopusModelMacros.
@attached(member, names: named(init))
macro MemberwiseInit() = #externalMacro(module: "OctopusModelMacros", type: "MemberwiseInitMacro")

/// Adds `enum CodingKeys: String, PascalCaseCodingKey` with one case per stored property, in
/// declaration order, so a wire type lists its fields once. Implemented by `PascalCaseCodingKeysMacro`
/// in OctopusModelMacros.
@attached(member, names: named(CodingKeys))
macro PascalCaseCodingKeys() = #externalMacro(module: "OctopusModelMacros", type: "PascalCaseCodingKeysMacro")
