package it.assembly.attached;

import com.google.gson.Gson;
import org.apache.commons.lang3.StringUtils;

public final class Service {
    public static void main(String[] args) {
        System.out.println(StringUtils.capitalize(new Gson().toJson(args)));
    }
}
