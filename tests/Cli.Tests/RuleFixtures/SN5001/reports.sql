CREATE TABLE dbo.SPJ (
    [S#] char(2), [P#] char(2), [J#] char(2),
    PRIMARY KEY ([S#], [P#], [J#])
    -- expect: SN5001
    -- schemanorm: jd ([S#], [P#]), ([P#], [J#]), ([J#], [S#])
);
