[#-- a template, not a Dockerfile: never linted --]
FROM [=runtimeImage]
