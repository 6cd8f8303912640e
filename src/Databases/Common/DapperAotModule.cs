// Every Dapper call in this assembly is mapped by code generated at build time rather than at run time,
// so the native (AOT) build reads live databases as the .NET tool does.
[module: Dapper.DapperAot]
