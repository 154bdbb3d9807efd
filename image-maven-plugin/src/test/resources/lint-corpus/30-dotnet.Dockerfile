FROM mcr.microsoft.com/dotnet/sdk:9.0.101 AS build
WORKDIR /source
COPY *.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:9.0.0-bookworm-slim
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080
HEALTHCHECK CMD ["dotnet", "Api.dll", "--health"]
ENTRYPOINT ["dotnet", "Api.dll"]
