namespace Microsoft.Online.Administration
{
    /// <summary>The data-contract namespace MSOnline's provisioning web service used.</summary>
    internal static class Wire
    {
        public const string Namespace = "http://schemas.datacontract.org/2004/07/Microsoft.Online.Administration";
    }
}
