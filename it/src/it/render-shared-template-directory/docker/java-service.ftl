# shared template of the reactor
FROM [=base.runtime]
COPY [=layers?last.source] [=layers?last.target]
ENTRYPOINT [=execForm(["java", "-cp", jvm.classpath?join(":"), jvm.mainClass])]
