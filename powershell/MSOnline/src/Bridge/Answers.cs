// The bridge's answer shapes, and the one JSON reader the module uses for them.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>One page of a list: {"Value":[...],"NextPageToken":"...","MoreResultsAvailable":false}.</summary>
    [DataContract]
    public class ListPage<T>
    {
        [DataMember] public List<T> Value { get; set; }
        [DataMember] public string NextPageToken { get; set; }
        [DataMember] public bool MoreResultsAvailable { get; set; }
        /// <summary>How many objects the whole listing should return (first page of an unfiltered -All listing only).</summary>
        [DataMember] public long? EstimatedTotal { get; set; }
    }

    /// <summary>A write's answer: {"ObjectId":"...","Changed":["StrongAuthenticationRequirements"]}.</summary>
    [DataContract]
    public class WriteOutcome
    {
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public List<string> Changed { get; set; }
        /// <summary>What the backend could not express and did not write.</summary>
        [DataMember] public List<string> Warnings { get; set; }
        /// <summary>The user the write was about, when it was about a user.</summary>
        [DataMember] public string UserPrincipalName { get; set; }
    }

    [DataContract]
    public class PasswordAnswer
    {
        [DataMember] public string Password { get; set; }
    }

    /// <summary>A yes-or-no answer: {"Value":true}.</summary>
    [DataContract]
    public class BooleanAnswer
    {
        [DataMember] public bool Value { get; set; }
    }

    /// <summary>A batch's answer: {"Responses":[{"Status":200,"Body":{...}}, {"Status":404,"Error":{...}}]}, in the order asked.</summary>
    [DataContract]
    public class BatchAnswer<T>
    {
        [DataMember] public List<BatchItemAnswer<T>> Responses { get; set; }
    }

    [DataContract]
    public class BatchItemAnswer<T>
    {
        [DataMember] public int Status { get; set; }
        [DataMember] public T Body { get; set; }
        [DataMember] public ErrorDetail Error { get; set; }
    }

    [DataContract]
    public class ErrorAnswer
    {
        [DataMember] public ErrorDetail Error { get; set; }
    }

    [DataContract]
    public class ErrorDetail
    {
        [DataMember] public string Code { get; set; }
        [DataMember] public string Message { get; set; }
        [DataMember] public string Field { get; set; }
        [DataMember] public List<string> AllowedValues { get; set; }
        [DataMember] public int Status { get; set; }
    }

    /// <summary>The line `msol-bridge serve` prints once it listens.</summary>
    [DataContract]
    public class ReadyLine
    {
        [DataMember] public string Event { get; set; }
        [DataMember] public string Url { get; set; }
        [DataMember] public string Backend { get; set; }
        [DataMember] public string Tenant { get; set; }
        [DataMember] public int Pid { get; set; }
        [DataMember] public string Version { get; set; }
        /// <summary>The local tenant did not exist, and the bridge made the demo tenant there.</summary>
        [DataMember] public bool CreatedDemoTenant { get; set; }
        /// <summary>For a SignIn event: the sign-in instructions for the user.</summary>
        [DataMember] public string Message { get; set; }
    }

    /// <summary>DataContractJsonSerializer with the bridge's timestamp format, one serializer per type.</summary>
    public static class WireJson
    {
        private static readonly Dictionary<Type, DataContractJsonSerializer> serializers = new Dictionary<Type, DataContractJsonSerializer>();

        private static DataContractJsonSerializer For(Type type)
        {
            lock (serializers)
            {
                DataContractJsonSerializer serializer;
                if (!serializers.TryGetValue(type, out serializer))
                {
                    DataContractJsonSerializerSettings settings = new DataContractJsonSerializerSettings();
                    settings.DateTimeFormat = new DateTimeFormat("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);
                    settings.DateTimeFormat.DateTimeStyles = DateTimeStyles.RoundtripKind;
                    serializer = new DataContractJsonSerializer(type, settings);
                    serializers[type] = serializer;
                }
                return serializer;
            }
        }

        public static T Read<T>(Stream json)
        {
            return (T)For(typeof(T)).ReadObject(json);
        }

        public static T Read<T>(string json)
        {
            using (MemoryStream stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            {
                return Read<T>(stream);
            }
        }

        /// <summary>Reads a file of the bridge's list answers (the benchmark's in-process floor).</summary>
        public static List<User> ReadUsers(string path)
        {
            using (FileStream file = File.OpenRead(path))
            {
                return Read<ListPage<User>>(file).Value;
            }
        }
    }
}
