# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
COPY app\ C:\app\
RUN New-Item -ItemType Directory -Path C:\data | Out-Null ; `
    Write-Host "ready"
USER ContainerUser
EXPOSE 80
ENTRYPOINT ["C:\\app\\server.exe"]
