FROM [=base.runtime]
# the data model has image.user, not image.owner
USER [=image.owner]
