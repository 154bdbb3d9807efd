# b-service's own template
FROM [=base.runtime]
USER [=image.user]
